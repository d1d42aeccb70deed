<?php
/**
 * Plugin Name:       Embedkit
 * Description:       THRON galleries and assets, ThroughLine helplines and Thunder launch buttons as blocks and shortcodes. Every vendor secret stays in your Embedkit BFF.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Tested up to:      6.5
 * Requires PHP:      7.4
 * Author:            Embedkit
 * License:           MIT
 * Text Domain:       embedkit
 * Domain Path:       /languages
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

define( 'EMBEDKIT_VERSION', '0.1.0' );
define( 'EMBEDKIT_DIR', __DIR__ );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/validate.php';
require_once __DIR__ . '/includes/bundle.php';
require_once __DIR__ . '/includes/server-render.php';
require_once __DIR__ . '/includes/embed.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/editor-strings.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/health.php';
require_once __DIR__ . '/includes/galleries.php';
require_once __DIR__ . '/includes/settings-page.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'embedkit', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	},
	0
);
add_action( 'init', 'embedkit_register_shortcodes' );
add_action( 'init', 'embedkit_register_blocks' );
add_action( 'admin_menu', 'embedkit_add_settings_page' );
add_action( 'admin_init', 'embedkit_register_setting' );
