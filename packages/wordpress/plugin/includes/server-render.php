<?php
/**
 * The BFF's server-rendered HTML for an element: `GET <bff>/v1/render/<tag>?<attributes>`
 * (text/html: the element with its first state in a declarative shadow root). Asked with a short
 * timeout and kept in a transient; a BFF that is down, slow or without the endpoint costs one
 * short wait per minute at most and the page gets the bare tag instead.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/** How long a fragment is reused (filter `embedkit_render_ttl`). */
const EMBEDKIT_RENDER_TTL = 5 * MINUTE_IN_SECONDS;
/** How long a failed answer is remembered as failed, so a down BFF is not asked on every view. */
const EMBEDKIT_RENDER_RETRY_AFTER = MINUTE_IN_SECONDS;

/**
 * What the BFF rendered inside the element (its declarative shadow root and inline data), or
 * null to render the bare tag. The host tag itself stays the plugin's own (embedkit_tag()), with
 * the attributes it validated and escaped.
 *
 * @param string                     $tag        The element.
 * @param array<string, string|true> $attributes Its attributes, validated.
 */
function embedkit_server_render( string $tag, array $attributes ): ?string {
	$bff = embedkit_bff_url();
	if ( '' === $bff ) {
		return null;
	}
	$url = $bff . '/v1/render/' . rawurlencode( $tag ) . '?' . embedkit_render_query( $attributes );
	if ( 'thron-filter-bar' === $tag ) {
		$url .= embedkit_page_query();
	}
	// The key holds everything that decides the answer: the BFF, the element and its attributes.
	$key    = EMBEDKIT_TRANSIENT_PREFIX . 'render_' . md5( EMBEDKIT_VERSION . '|' . $url );
	$cached = get_transient( $key );
	if ( is_array( $cached ) ) {
		return $cached['ok'] ? $cached['html'] : null;
	}
	$html = embedkit_fetch_fragment( $url, $tag );
	if ( null === $html ) {
		set_transient( $key, array( 'ok' => false ), EMBEDKIT_RENDER_RETRY_AFTER );
		return null;
	}
	set_transient(
		$key,
		array(
			'ok'   => true,
			'html' => $html,
		),
		(int) apply_filters( 'embedkit_render_ttl', EMBEDKIT_RENDER_TTL )
	);
	return $html;
}

/**
 * The attributes as a query string, flags as `name=` (present).
 *
 * @param array<string, string|true> $attributes Validated attributes.
 */
function embedkit_render_query( array $attributes ): string {
	$query = array();
	foreach ( $attributes as $name => $value ) {
		if ( 'bff' !== $name && 'label' !== $name ) {
			$query[ $name ] = true === $value ? '' : $value;
		}
	}
	ksort( $query );
	return http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
}

/**
 * For a filter bar: the parameters of this page's URL that say which page it is (WordPress's
 * public query vars, such as `page_id` or `p` under plain permalinks), as `page.<name>`, so that
 * its form, submitted without JavaScript, reloads this page. Only those: a click id or a nonce
 * would make a fragment (and a transient) per visitor. Filter `embedkit_filter_bar_page_params`.
 */
function embedkit_page_query(): string {
	global $wp;
	$public = isset( $wp ) ? $wp->public_query_vars : array();
	$params = array();
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- written back into the page's own form, never acted on.
	foreach ( $_GET as $name => $value ) {
		if ( is_string( $name ) && is_string( $value ) && in_array( $name, $public, true ) ) {
			$params[ $name ] = wp_unslash( $value );
		}
	}
	$params  = (array) apply_filters( 'embedkit_filter_bar_page_params', $params );
	$carried = array();
	// The BFF carries 20 at most, each name up to 100 characters and each value up to 1,000, and
	// drops the bar's own fields (`q`, `filter.<key>`: no sync-url prefix here). One it would not
	// carry is left out before counting, so it takes no other's place.
	foreach ( $params as $name => $value ) {
		$name  = (string) $name;
		$value = is_scalar( $value ) ? (string) $value : null;
		$own   = 'q' === $name || 0 === strpos( $name, 'filter.' );
		if ( '' !== $name && strlen( $name ) <= 100 && null !== $value && strlen( $value ) <= 1000 && ! $own ) {
			$carried[ 'page.' . $name ] = $value;
			if ( count( $carried ) === 20 ) {
				break;
			}
		}
	}
	// Encoded as embedkit_render_query() encodes the attributes.
	return $carried ? '&' . http_build_query( $carried, '', '&', PHP_QUERY_RFC3986 ) : '';
}

/**
 * One request to the render endpoint; the body when it is the element's fragment, else null.
 */
function embedkit_fetch_fragment( string $url, string $tag ): ?string {
	$response = wp_remote_get(
		$url,
		array(
			'timeout'     => (float) apply_filters( 'embedkit_render_timeout', 1.5 ),
			'redirection' => 0,
			'headers'     => array( 'Accept' => 'text/html' ),
		)
	);
	if ( is_wp_error( $response ) || 200 !== wp_remote_retrieve_response_code( $response ) ) {
		return null;
	}
	$type = (string) wp_remote_retrieve_header( $response, 'content-type' );
	$html = trim( wp_remote_retrieve_body( $response ) );
	return str_starts_with( strtolower( $type ), 'text/html' ) && embedkit_is_fragment_of( $html, $tag ) ? embedkit_fragment_inside( $html, $tag ) : null;
}

/** The fragment without its host tag: what goes between the plugin's own opening and closing tags. */
function embedkit_fragment_inside( string $html, string $tag ): string {
	$start = strpos( $html, '>' ) + 1;
	return substr( $html, $start, strlen( $html ) - $start - strlen( '</' . $tag . '>' ) );
}

/**
 * Whether $html is one $tag element whose only scripts are inert JSON: anything else from the
 * BFF (an error page, a proxy's login form) is not put on the page.
 */
function embedkit_is_fragment_of( string $html, string $tag ): bool {
	if ( strlen( $html ) > 512 * KB_IN_BYTES || ! preg_match( '/^<' . preg_quote( $tag, '/' ) . '[\s>]/i', $html ) || ! str_ends_with( strtolower( $html ), '</' . $tag . '>' ) ) {
		return false;
	}
	preg_match_all( '/<script\b[^>]*>/i', $html, $scripts );
	foreach ( $scripts[0] as $open ) {
		if ( ! preg_match( '/^<script\s+type\s*=\s*"application\/json"(\s+data-embedkit-state)?\s*>$/i', $open ) ) {
			return false;
		}
	}
	return ! preg_match( '/\son[a-z]+\s*=|javascript:/i', $html );
}
