<?php
/**
 * The four blocks (blocks/<name>/block.json): they save only their attributes and render on the
 * server (blocks/<name>/render.php calls embedkit_block_markup()); assets/editor.js gives them
 * their sidebar and a live preview of the real element.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

function embedkit_register_blocks(): void {
	wp_register_script(
		'embedkit-editor',
		plugins_url( 'assets/editor.js', EMBEDKIT_DIR . '/embedkit.php' ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		EMBEDKIT_VERSION,
		true
	);
	wp_add_inline_script( 'embedkit-editor', 'window.embedkitEditor = ' . wp_json_encode( embedkit_editor_settings() ) . ';', 'before' );
	foreach ( array( 'thron-gallery', 'thron-asset', 'throughline-helplines', 'thunder-launch-button' ) as $block ) {
		register_block_type( EMBEDKIT_DIR . '/blocks/' . $block );
	}
}

/**
 * What the editor script needs: the BFF, the site's locale, and its strings in the site's language.
 */
function embedkit_editor_settings(): array {
	return array(
		'bff'         => embedkit_bff_url(),
		'bundle'      => embedkit_bundle_url(),
		'locale'      => embedkit_site_locale(),
		'settingsUrl' => admin_url( 'options-general.php?page=embedkit' ),
		'strings'     => embedkit_editor_strings(),
	);
}

/**
 * The page for one block: the element (a filter bar first when the gallery block asks for one).
 *
 * @param string               $tag        The element.
 * @param array<string, mixed> $attributes The block's attributes, as saved in the post.
 */
function embedkit_block_markup( string $tag, array $attributes ): string {
	$input = $attributes;
	$bar   = '';
	if ( 'thron-gallery' === $tag ) {
		unset( $input['filters'], $input['filterBar'] );
		foreach ( is_array( $attributes['filters'] ?? null ) ? $attributes['filters'] : array() as $key => $value ) {
			$input[ 'filter-' . $key ] = $value;
		}
		if ( ! empty( $attributes['filterBar'] ) ) {
			$input['id'] = wp_unique_id( 'embedkit-gallery-' );
			$bar         = embedkit_embed(
				'thron-filter-bar',
				array(
					'for'     => $input['id'],
					'gallery' => $input['gallery'] ?? '',
				)
			);
		}
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . $bar . embedkit_embed( $tag, $input ) . '</div>';
}
