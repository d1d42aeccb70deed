<?php
/**
 * Test plumbing only (mounted by the tests, never shipped): lets a test read what the plugin left
 * in the database and the PHP it runs on, `?embedkit-test-state`, and switch the site's language,
 * `?embedkit-test-locale=it_IT` (through the `locale` filter: WordPress only saves a WPLANG whose
 * core language files are installed, and this offline site has none), and play a theme adding page
 * parameters through `embedkit_filter_bar_page_params`, `?embedkit-test-page-params={JSON}`.
 */

add_filter(
	'embedkit_filter_bar_page_params',
	static function ( $params ) {
		$extra = get_option( 'embedkit_test_page_params' );
		return is_array( $extra ) ? $params + $extra : $params;
	}
);

add_filter(
	'locale',
	static function ( $locale ) {
		$test_locale = get_option( 'embedkit_test_locale' );
		return $test_locale ? $test_locale : $locale;
	}
);

add_action(
	'init',
	static function () {
		if ( isset( $_GET['embedkit-test-locale'] ) ) {
			$locale = sanitize_text_field( wp_unslash( $_GET['embedkit-test-locale'] ) );
			update_option( 'embedkit_test_locale', 'en_US' === $locale ? '' : $locale );
			// Every user follows the site's language (no user keeps a language of their own).
			delete_metadata( 'user', 0, 'locale', '', true );
			wp_send_json( array( 'locale' => get_locale() ) );
		}
		if ( isset( $_GET['embedkit-test-page-params'] ) ) {
			$extra = json_decode( wp_unslash( $_GET['embedkit-test-page-params'] ), true );
			update_option( 'embedkit_test_page_params', is_array( $extra ) ? $extra : '' );
			wp_send_json( array( 'pageParams' => is_array( $extra ) ? count( $extra ) : 0 ) );
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
				'php'        => PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION,
			)
		);
	},
	1
);
