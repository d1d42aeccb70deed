<?php
/**
 * The THRON galleries a BFF offers, by name (`GET <bff>/v1/thron/galleries`): "Check connection"
 * lists them, and the blocks' sidebar (assets/editor.js) picks from the same list in the browser.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * The gallery names, or null when the BFF did not list them (THRON not configured there, an older
 * BFF without the route, or no answer).
 *
 * @return string[]|null
 */
function embedkit_gallery_names( string $bff ): ?array {
	$response = wp_remote_get(
		$bff . '/v1/thron/galleries',
		array(
			'timeout'     => 5,
			'redirection' => 0,
		)
	);
	if ( is_wp_error( $response ) || 200 !== wp_remote_retrieve_response_code( $response ) ) {
		return null;
	}
	$body = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $body ) || ! is_array( $body['items'] ?? null ) ) {
		return null;
	}
	$names = array();
	foreach ( $body['items'] as $item ) {
		// Only names a gallery attribute accepts: whatever else the answer holds never reaches the page.
		if ( is_array( $item ) && is_string( $item['name'] ?? null ) && preg_match( '/^[a-z0-9][a-z0-9_-]{0,63}$/', $item['name'] ) ) {
			$names[] = $item['name'];
		}
	}
	return $names;
}
