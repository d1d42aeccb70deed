<?php
/**
 * Checks attributes from a shortcode or a block (both are typed by people, and a post's content
 * can hold anything) against embedkit_elements(). Good values are kept, normalised; each bad one
 * is left out with a sentence for the editor.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * @param string               $tag   The element.
 * @param array<string, mixed> $input Attribute name => value (names already lower case).
 * @return array{attributes: array<string, string|true>, problems: string[]}
 */
function embedkit_validate( string $tag, array $input ): array {
	$element  = embedkit_elements()[ $tag ];
	$kept     = array();
	$problems = array();
	foreach ( $input as $name => $value ) {
		$name = strtolower( (string) $name );
		$spec = embedkit_attribute_spec( $element, $name );
		if ( null === $spec ) {
			/* translators: 1: attribute name, 2: element tag. */
			$problems[] = sprintf( __( '“%1$s” is not an attribute of %2$s; it was left out.', 'embedkit' ), $name, $tag );
			continue;
		}
		$result = embedkit_check_value( $spec, $value );
		if ( is_string( $result ) && str_starts_with( $result, "\0" ) ) {
			/* translators: 1: attribute name, 2: what the attribute accepts. */
			$problems[] = sprintf( __( '“%1$s” must be %2$s; it was left out.', 'embedkit' ), $name, substr( $result, 1 ) );
			continue;
		}
		if ( null !== $result ) {
			$kept[ $name ] = $result;
		}
	}
	return array(
		'attributes' => $kept,
		'problems'   => $problems,
	);
}

/**
 * @param array<string, mixed> $element One entry of embedkit_elements().
 */
function embedkit_attribute_spec( array $element, string $name ): ?array {
	if ( isset( $element['attributes'][ $name ] ) ) {
		return $element['attributes'][ $name ];
	}
	foreach ( $element['prefixed'] ?? array() as $prefix => $spec ) {
		if ( str_starts_with( $name, $prefix ) && preg_match( '/^[a-z0-9_-]{1,64}$/', substr( $name, strlen( $prefix ) ) ) ) {
			return $spec;
		}
	}
	return null;
}

/**
 * The normalised value; null to leave it out quietly (empty, or a flag turned off); or "\0" and
 * what the attribute accepts when the value is wrong.
 *
 * @param array<string, mixed> $spec  The attribute's rule.
 * @param mixed                $value What was given.
 * @return string|true|null
 */
function embedkit_check_value( array $spec, $value ) {
	if ( 'flag' === $spec['kind'] ) {
		return embedkit_check_flag( $value );
	}
	if ( ! is_scalar( $value ) ) {
		return "\0" . __( 'a plain value', 'embedkit' );
	}
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	switch ( $spec['kind'] ) {
		case 'enum':
			$match = embedkit_find_ci( $spec['values'], $value );
			/* translators: %s: the accepted values. */
			return null !== $match ? $match : "\0" . sprintf( __( 'one of %s', 'embedkit' ), implode( ', ', $spec['values'] ) );
		case 'list':
			return embedkit_check_list( $spec['values'], $value );
		case 'int':
			$ok = preg_match( '/^\d{1,4}$/', $value ) && (int) $value >= $spec['min'] && (int) $value <= $spec['max'];
			/* translators: 1: smallest, 2: largest. */
			return $ok ? (string) (int) $value : "\0" . sprintf( __( 'a whole number from %1$d to %2$d', 'embedkit' ), $spec['min'], $spec['max'] );
		case 'seconds':
			$ok = preg_match( '/^\d{1,3}$/', $value ) && (int) $value >= 2;
			return $ok ? (string) (int) $value : "\0" . __( 'a number of seconds, 2 or more', 'embedkit' );
		case 'country':
			return preg_match( '/^[A-Za-z]{2}$/', $value ) ? strtoupper( $value ) : "\0" . __( 'a two-letter country code such as US', 'embedkit' );
		case 'ids':
			$ok = strlen( $value ) <= 2000 && preg_match( '/^[A-Za-z0-9|:_.-]+([ ,]+[A-Za-z0-9|:_.-]+)*$/', $value );
			return $ok ? $value : "\0" . __( 'ids separated by commas or spaces', 'embedkit' );
		case 'url':
			$ok = (bool) preg_match( '#^(https?://|/)[^\s"<>]*$#i', $value ) && strlen( $value ) <= 500;
			return $ok ? $value : "\0" . __( 'an http(s) address or a path on this site', 'embedkit' );
		default: // text.
			$slug_ok = empty( $spec['slug'] ) || preg_match( '/^[A-Za-z0-9_.-]+$/', $value );
			if ( mb_strlen( $value ) > $spec['max'] || ! $slug_ok ) {
				return "\0" . ( empty( $spec['slug'] )
					/* translators: %d: maximum length. */
					? sprintf( __( 'text of at most %d characters', 'embedkit' ), $spec['max'] )
					/* translators: %d: maximum length. */
					: sprintf( __( 'letters, digits, dots, dashes or underscores (at most %d)', 'embedkit' ), $spec['max'] ) );
			}
			return $value;
	}
}

/**
 * A flag is on for true, "true", "1", "yes" or a bare shortcode word; off for false, "false", "0", "no" or "".
 *
 * @param mixed $value What was given.
 * @return string|true|null
 */
function embedkit_check_flag( $value ) {
	if ( true === $value || 1 === $value ) {
		return true;
	}
	if ( false === $value || null === $value || 0 === $value ) {
		return null;
	}
	$word = is_scalar( $value ) ? strtolower( trim( (string) $value ) ) : 'bad';
	if ( in_array( $word, array( 'true', '1', 'yes', 'on' ), true ) ) {
		return true;
	}
	if ( in_array( $word, array( 'false', '0', 'no', 'off', '' ), true ) ) {
		return null;
	}
	return "\0" . __( 'true or false', 'embedkit' );
}

/**
 * A comma (or space) list whose every item is one of $values, written back comma-separated.
 *
 * @param string[] $values Accepted items.
 * @param string   $value  What was given.
 */
function embedkit_check_list( array $values, string $value ): string {
	$items = array();
	foreach ( preg_split( '/[\s,]+/', $value, -1, PREG_SPLIT_NO_EMPTY ) as $item ) {
		$match = embedkit_find_ci( $values, $item );
		if ( null === $match ) {
			/* translators: %s: the accepted values. */
			return "\0" . sprintf( __( 'a comma list of %s', 'embedkit' ), implode( ', ', $values ) );
		}
		$items[] = $match;
	}
	return implode( ',', array_unique( $items ) );
}

/**
 * The entry of $values equal to $value ignoring case, or null.
 *
 * @param string[] $values Accepted values.
 */
function embedkit_find_ci( array $values, string $value ): ?string {
	foreach ( $values as $candidate ) {
		if ( 0 === strcasecmp( $candidate, $value ) ) {
			return $candidate;
		}
	}
	return null;
}
