<?php
/**
 * "Check connection": the BFF's GET /health, asked from WordPress, said in words per provider.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * @return array{reachable: bool, summary: string, providers: array<string, string>}
 */
function embedkit_check_connection( string $bff ): array {
	$response = wp_remote_get(
		$bff . '/health',
		array(
			'timeout'     => 5,
			'redirection' => 0,
		)
	);
	$body = is_wp_error( $response ) ? null : json_decode( wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $body ) || ! is_array( $body['providers'] ?? null ) ) {
		// The reason, never the BFF's body: it may be anything.
		$reason = is_wp_error( $response )
			? __( 'no answer', 'embedkit' )
			/* translators: %d: HTTP status. */
			: sprintf( __( 'HTTP %d, not an Embedkit health answer', 'embedkit' ), (int) wp_remote_retrieve_response_code( $response ) );
		return array(
			'reachable' => false,
			/* translators: %s: why. */
			'summary'   => sprintf( __( 'WordPress could not reach the BFF at this URL (%s). Check the URL and that the BFF is running.', 'embedkit' ), $reason ),
			'providers' => array(),
		);
	}
	$names     = array(
		'thron'       => 'THRON',
		'thunder'     => 'Thunder',
		'throughline' => 'ThroughLine',
	);
	$providers = array();
	foreach ( $names as $id => $name ) {
		$providers[ $name ] = embedkit_provider_state_words( is_string( $body['providers'][ $id ] ?? null ) ? $body['providers'][ $id ] : '' );
	}
	$summary = ! empty( $body['sandbox'] )
		? __( 'The BFF answers. It runs in sandbox mode: simulated services with demo content, not your accounts.', 'embedkit' )
		: __( 'The BFF answers.', 'embedkit' );
	return array(
		'reachable' => true,
		'summary'   => $summary,
		'providers' => $providers,
	);
}

function embedkit_provider_state_words( string $state ): string {
	switch ( $state ) {
		case 'ready':
			return __( 'Ready: its blocks work.', 'embedkit' );
		case 'degraded':
			return __( 'Degraded: its recent calls failed; pages may show errors until it recovers.', 'embedkit' );
		case 'unconfigured':
			return __( 'Not configured on the BFF: its blocks show an error until the operator sets it up.', 'embedkit' );
		default:
			return __( 'Unknown: the BFF did not say.', 'embedkit' );
	}
}
