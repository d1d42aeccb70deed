<?php
/**
 * Deleting the plugin removes everything it stored: its option and its transients.
 *
 * @package Embedkit
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'embedkit_bff_url' );

global $wpdb;
// Transients are options named _transient_<name> and _transient_timeout_<name>; ours start with embedkit_.
$wpdb->query(
	$wpdb->prepare(
		"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
		$wpdb->esc_like( '_transient_embedkit_' ) . '%',
		$wpdb->esc_like( '_transient_timeout_embedkit_' ) . '%'
	)
);
