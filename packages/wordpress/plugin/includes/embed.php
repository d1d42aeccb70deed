<?php
/**
 * What a block or shortcode puts on the page: the element's tag with escaped attributes (or the
 * BFF's server-rendered fragment of it), the bundle enqueued, and for people who can edit posts
 * a notice naming each attribute that was left out. Visitors never see a notice.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * @param string               $tag   The element.
 * @param array<string, mixed> $input Attribute name => value, unchecked.
 */
function embedkit_embed( string $tag, array $input ): string {
	$checked  = embedkit_validate( $tag, $input );
	$problems = $checked['problems'];
	if ( '' === embedkit_bff_url() ) {
		$problems[] = __( 'No BFF URL is set yet: an administrator sets it under Settings → Embedkit.', 'embedkit' );
		return embedkit_editor_notice( $tag, $problems );
	}
	$attributes = array_merge( array( 'locale' => embedkit_site_locale() ), $checked['attributes'] );
	embedkit_enqueue_bundle();
	$html = embedkit_server_render( $tag, $attributes ) ?? embedkit_tag( $tag, $attributes );
	return embedkit_editor_notice( $tag, $problems ) . $html;
}

/**
 * `<tag name="value" flag></tag>`, every value escaped; the Thunder button's label in its slot.
 *
 * @param array<string, string|true> $attributes Validated attributes (names come from the allow list).
 */
function embedkit_tag( string $tag, array $attributes ): string {
	$label = $attributes['label'] ?? null;
	unset( $attributes['label'] );
	$html = '<' . $tag . ' bff="' . esc_attr( embedkit_bff_url() ) . '"';
	foreach ( $attributes as $name => $value ) {
		$html .= ' ' . esc_attr( $name ) . ( true === $value ? '' : '="' . esc_attr( $value ) . '"' );
	}
	$html .= '>';
	if ( 'thunder-launch-button' === $tag ) {
		$html .= esc_html( is_string( $label ) ? $label : __( 'Watch in Thunder', 'embedkit' ) );
	}
	return $html . '</' . $tag . '>';
}

/**
 * The problems, for someone who can fix them; '' for visitors.
 *
 * @param string[] $problems Sentences.
 */
function embedkit_editor_notice( string $tag, array $problems ): string {
	if ( array() === $problems || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return '<div class="embedkit-notice" role="note" style="border:2px solid #b32d2e;padding:.5em 1em;margin:1em 0;background:#fff;color:#1e1e1e">'
		/* translators: %s: element tag. */
		. '<p><strong>' . esc_html( sprintf( __( 'Embedkit, %s (only people who can edit posts see this):', 'embedkit' ), $tag ) ) . '</strong></p>'
		. '<ul>' . $items . '</ul></div>';
}
