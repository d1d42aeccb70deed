<?php
/**
 * The elements' bundle: `components.js` from the configured BFF as a script module, enqueued by
 * the first block or shortcode that renders. WordPress prints each script module once per page,
 * and pages with no Embedkit content load nothing.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

const EMBEDKIT_BUNDLE_ID = 'embedkit-components';

/**
 * The bundle's URL on the configured BFF, or '' when no BFF is set.
 */
function embedkit_bundle_url(): string {
	$bff = embedkit_bff_url();
	return '' === $bff ? '' : $bff . '/components.js';
}

/**
 * Asks WordPress to print the bundle on this page; safe to call any number of times.
 */
function embedkit_enqueue_bundle(): void {
	$url = embedkit_bundle_url();
	if ( '' === $url ) {
		return;
	}
	// null version: the BFF versions its chunks itself; a ?ver= would only defeat its cache.
	wp_enqueue_script_module( EMBEDKIT_BUNDLE_ID, $url, array(), null );
}
