<?php
/**
 * `[thron_gallery …]`, `[thron_asset …]`, `[throughline_helplines …]`, `[thunder_launch_button …]`
 * for the classic editor and widgets, with the elements' attribute names. A bare word is a flag
 * (`[thron_asset asset="x" caption]`); the Thunder button's text is its content
 * (`[thunder_launch_button …]Watch the play[/thunder_launch_button]`) or `label`.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

function embedkit_register_shortcodes(): void {
	foreach ( embedkit_elements() as $tag => $element ) {
		add_shortcode( $element['shortcode'], 'embedkit_shortcode' );
	}
	// Shortcodes work in the text widget too.
	add_filter( 'widget_text', 'do_shortcode' );
	// After do_shortcode (priority 11 for the content, 10 or 11 for widgets).
	foreach ( array( 'the_content', 'widget_text', 'widget_text_content', 'widget_block_content' ) as $filter ) {
		add_filter( $filter, 'embedkit_resolve_deferred', 99 );
	}
}

/**
 * @param array<int|string, string>|string $atts      Parsed attributes ('' when none).
 * @param string|null                      $content   Enclosed text.
 * @param string                           $shortcode Which shortcode.
 */
function embedkit_shortcode( $atts, $content, string $shortcode ): string {
	$tag   = embedkit_tag_for_shortcode( $shortcode );
	$input = array();
	foreach ( is_array( $atts ) ? $atts : array() as $name => $value ) {
		if ( is_int( $name ) ) {
			$input[ strtolower( $value ) ] = true; // A bare word: a flag.
		} else {
			$input[ strtolower( $name ) ] = $value;
		}
	}
	if ( 'thunder-launch-button' === $tag && is_string( $content ) && '' !== trim( $content ) && ! isset( $input['label'] ) ) {
		$input['label'] = wp_strip_all_tags( $content );
	}
	return null === $tag ? '' : embedkit_embed( $tag, $input, true );
}
