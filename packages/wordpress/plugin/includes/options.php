<?php
/**
 * The plugin's one option, the BFF's URL, and the names of everything it stores, so that
 * uninstall.php removes exactly what the plugin wrote.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

const EMBEDKIT_OPTION_BFF_URL = 'embedkit_bff_url';
/** Every transient the plugin writes starts with this (see uninstall.php). */
const EMBEDKIT_TRANSIENT_PREFIX = 'embedkit_';

/**
 * The BFF's URL without a trailing slash, or '' when not set yet.
 */
function embedkit_bff_url(): string {
	$url = get_option( EMBEDKIT_OPTION_BFF_URL, '' );
	return is_string( $url ) ? untrailingslashit( $url ) : '';
}

/**
 * Keeps only an absolute http(s) URL with no query, fragment or credentials: it becomes the
 * origin of a script every page loads.
 *
 * @param mixed $value What the settings form posted.
 */
function embedkit_sanitize_bff_url( $value ): string {
	$value = is_string( $value ) ? trim( $value ) : '';
	if ( '' === $value ) {
		return '';
	}
	$parts = wp_parse_url( $value );
	$valid = is_array( $parts ) && isset( $parts['scheme'], $parts['host'] )
		&& in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
		&& ! isset( $parts['query'], $parts['fragment'], $parts['user'], $parts['pass'] );
	if ( ! $valid ) {
		add_settings_error(
			EMBEDKIT_OPTION_BFF_URL,
			'embedkit_bad_url',
			__( 'The BFF URL must be an http or https address such as https://bff.example.com, without a query.', 'embedkit' )
		);
		return embedkit_bff_url();
	}
	return untrailingslashit( esc_url_raw( $value, array( 'http', 'https' ) ) );
}

/**
 * The site's origin, the value the BFF's operator adds to ALLOWED_ORIGINS.
 */
function embedkit_site_origin(): string {
	$parts = wp_parse_url( home_url() );
	$port  = isset( $parts['port'] ) ? ':' . $parts['port'] : '';
	return ( $parts['scheme'] ?? 'https' ) . '://' . ( $parts['host'] ?? '' ) . $port;
}

/**
 * The site's language as a BCP 47 tag (it_IT → it-IT), which the elements take as `locale`.
 */
function embedkit_site_locale(): string {
	return str_replace( '_', '-', determine_locale() );
}
