<?php
/**
 * What a block or shortcode puts on the page: the element's tag with escaped attributes (or the
 * BFF's server-rendered fragment of it), the bundle enqueued, and for people who can edit posts
 * a notice naming each attribute that was left out. Visitors never see a notice.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * @param string               $tag      The element.
 * @param array<string, mixed> $input    Attribute name => value, unchecked.
 * @param bool                 $deferred Leave a marker for embedkit_resolve_deferred() instead of asking the BFF now.
 */
function embedkit_embed( string $tag, array $input, bool $deferred = false ): string {
	$checked  = embedkit_validate( $tag, $input );
	$problems = $checked['problems'];
	if ( '' === embedkit_bff_url() ) {
		$problems[] = __( 'No BFF URL is set yet: an administrator sets it under Settings → Embedkit.', 'embedkit' );
		return embedkit_editor_notice( $tag, $problems );
	}
	$attributes = array_merge( array( 'locale' => embedkit_site_locale() ), $checked['attributes'] );
	embedkit_enqueue_bundle();
	$html = $deferred ? embedkit_defer_render( $tag, $attributes ) : embedkit_tag( $tag, $attributes, embedkit_server_render( $tag, $attributes ) ?? '' );
	return embedkit_editor_notice( $tag, $problems ) . $html;
}

/**
 * Shortcodes run inside preg_replace_callback(), where PHP as WebAssembly (WordPress Playground)
 * cannot wait on the network: they leave the bare tag behind a marker, and the content filters
 * below swap each marker for the BFF's fragment afterwards. Unresolved, a marker is an HTML comment.
 *
 * @param array<string, string|true> $attributes Validated attributes.
 */
function embedkit_defer_render( string $tag, array $attributes ): string {
	$bare   = embedkit_tag( $tag, $attributes );
	$marker = '<!--embedkit:' . md5( $bare ) . '-->';
	embedkit_deferred( $marker, array( $tag, $attributes, $bare ) );
	return $marker . $bare;
}

/**
 * The deferred renders of this request: records one, or returns them all.
 *
 * @param array{0: string, 1: array<string, string|true>, 2: string}|null $render The element, its attributes, its bare tag.
 */
function embedkit_deferred( ?string $marker = null, ?array $render = null ): array {
	static $pending = array();
	if ( null !== $marker ) {
		$pending[ $marker ] = $render;
	}
	return $pending;
}

/**
 * Swaps each marker left by a shortcode for the BFF's fragment, or for the bare tag.
 *
 * @param mixed $html Content after do_shortcode.
 * @return mixed
 */
function embedkit_resolve_deferred( $html ) {
	if ( ! is_string( $html ) || ! str_contains( $html, '<!--embedkit:' ) ) {
		return $html;
	}
	foreach ( embedkit_deferred() as $marker => [ $tag, $attributes, $bare ] ) {
		if ( str_contains( $html, $marker . $bare ) ) {
			$html = str_replace( $marker . $bare, embedkit_tag( $tag, $attributes, embedkit_server_render( $tag, $attributes ) ?? '' ), $html );
		}
	}
	return $html;
}

/**
 * `<tag name="value" flag></tag>`, every value escaped; the Thunder button's label in its slot.
 *
 * @param array<string, string|true> $attributes Validated attributes (names come from the allow list).
 * @param string                     $rendered   The BFF's server-rendered inside of the element, already checked ('' for none).
 */
function embedkit_tag( string $tag, array $attributes, string $rendered = '' ): string {
	$label = $attributes['label'] ?? null;
	unset( $attributes['label'] );
	$html = '<' . $tag . ' bff="' . esc_attr( embedkit_bff_url() ) . '"';
	foreach ( $attributes as $name => $value ) {
		$html .= ' ' . esc_attr( $name ) . ( true === $value ? '' : '="' . esc_attr( $value ) . '"' );
	}
	$html .= '>' . $rendered;
	if ( 'thunder-launch-button' === $tag ) {
		$html .= esc_html( is_string( $label ) ? $label : __( 'Watch in Thunder', 'embedkit' ) );
	}
	return $html . '</' . $tag . '>';
}

/**
 * The problems, for someone who can fix them; '' for visitors.
 *
 * @param string[] $problems Sentences.
 */
function embedkit_editor_notice( string $tag, array $problems ): string {
	if ( array() === $problems || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return '<div class="embedkit-notice" role="note" style="border:2px solid #b32d2e;padding:.5em 1em;margin:1em 0;background:#fff;color:#1e1e1e">'
		/* translators: %s: element tag. */
		. '<p><strong>' . esc_html( sprintf( __( 'Embedkit, %s (only people who can edit posts see this):', 'embedkit' ), $tag ) ) . '</strong></p>'
		. '<ul>' . $items . '</ul></div>';
}
