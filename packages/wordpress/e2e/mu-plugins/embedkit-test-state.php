<?php
/**
 * Test plumbing only (mounted by the tests, never shipped): lets a test read what the plugin left
 * in the database, `?embedkit-test-state`, and switch the site's language, `?embedkit-test-locale=it_IT`.
 */

add_action(
	'init',
	static function () {
		if ( isset( $_GET['embedkit-test-locale'] ) ) {
			update_option( 'WPLANG', sanitize_key( wp_unslash( $_GET['embedkit-test-locale'] ) ) === 'en_us' ? '' : sanitize_text_field( wp_unslash( $_GET['embedkit-test-locale'] ) ) );
			wp_send_json( array( 'locale' => get_option( 'WPLANG' ) ) );
		}
		if ( ! isset( $_GET['embedkit-test-state'] ) ) {
			return;
		}
		global $wpdb;
		wp_send_json(
			array(
				'bffUrl'     => get_option( 'embedkit_bff_url', null ),
				'transients' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_%embedkit\\_%'" ),
				'active'     => in_array( 'embedkit/embedkit.php', (array) get_option( 'active_plugins', array() ), true ),
			)
		);
	},
	1
);
