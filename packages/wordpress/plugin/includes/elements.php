<?php
/**
 * The four elements the blocks and shortcodes write, and what each attribute accepts. The names
 * are the elements' own attribute names (packages/components custom-elements.json); a block or
 * shortcode that sets anything else is told so.
 *
 * Kinds: text (max length), enum (one of), list (comma list of values), int (min..max), flag
 * (present or not), country (ISO 3166 alpha-2), ids (comma or space list), url, seconds.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

/**
 * @return array<string, array{shortcode: string, attributes: array<string, array<string, mixed>>}>
 */
function embedkit_elements(): array {
	$gallery = array(
		'kind' => 'text',
		'max'  => 64,
		'slug' => true,
	);
	$player  = array(
		'kind'   => 'enum',
		'values' => array( 'thron', 'native' ),
	);
	return array(
		'thron-gallery'         => array(
			'shortcode'  => 'thron_gallery',
			'attributes' => array(
				'id'        => array(
					'kind' => 'text',
					'max'  => 64,
					'slug' => true,
				),
				'gallery'   => $gallery,
				'page-size' => array(
					'kind' => 'int',
					'min'  => 1,
					'max'  => 50,
				),
				'player'    => $player,
				'infinite'  => array( 'kind' => 'flag' ),
				'type'      => array(
					'kind'   => 'list',
					'values' => array( 'image', 'video', 'audio', 'document' ),
				),
				'q'         => array(
					'kind' => 'text',
					'max'  => 200,
				),
				'sort'      => array(
					'kind'   => 'enum',
					'values' => array( 'newest', 'oldest', 'title' ),
				),
				'layout'    => array(
					'kind'   => 'enum',
					'values' => array( 'grid', 'carousel', 'viewer' ),
				),
				'autoplay'  => array( 'kind' => 'seconds' ),
				'assets'    => array( 'kind' => 'ids' ),
			),
			// filter-<key>=<value,value>: one per THRON filter the gallery offers.
			'prefixed'   => array(
				'filter-' => array(
					'kind' => 'text',
					'max'  => 200,
				),
			),
		),
		'thron-filter-bar'      => array(
			'shortcode'  => 'thron_filter_bar',
			'attributes' => array(
				'for'     => array(
					'kind' => 'text',
					'max'  => 64,
					'slug' => true,
				),
				'gallery' => $gallery,
				'keys'    => array(
					'kind' => 'text',
					'max'  => 200,
				),
			),
		),
		'thron-asset'           => array(
			'shortcode'  => 'thron_asset',
			'attributes' => array(
				'gallery' => $gallery,
				'asset'   => array(
					'kind' => 'text',
					'max'  => 128,
					'slug' => true,
				),
				'player'  => $player,
				'caption' => array( 'kind' => 'flag' ),
			),
		),
		'throughline-helplines' => array(
			'shortcode'  => 'throughline_helplines',
			'attributes' => array(
				'country'  => array( 'kind' => 'country' ),
				'topic'    => array(
					'kind' => 'text',
					'max'  => 100,
				),
				'priority' => array( 'kind' => 'flag' ),
				'limit'    => array(
					'kind' => 'int',
					'min'  => 1,
					'max'  => 50,
				),
			),
		),
		'thunder-launch-button' => array(
			'shortcode'  => 'thunder_launch_button',
			'attributes' => array(
				'method'     => array(
					'kind'   => 'enum',
					'values' => array( 'plays', 'edits', 'gsis', 'gsis-nonpro', 'stats', 'xos-message', 'gsis-message', 'pff-message' ),
				),
				'ids'        => array( 'kind' => 'ids' ),
				'league'     => array(
					'kind'   => 'enum',
					'values' => array( 'NFL', 'NCAA', 'AAF', 'XFL', 'CFL' ),
				),
				'angles'     => array(
					'kind'   => 'list',
					'values' => array( 'sideline', 'endzone', 'scoreboard', 'tv-broadcast', 'no-media' ),
				),
				'ticket-url' => array( 'kind' => 'url' ),
				// The button's text; it goes into the element's slot, not an attribute.
				'label'      => array(
					'kind' => 'text',
					'max'  => 100,
				),
			),
		),
	);
}

/**
 * The element a shortcode writes, or null.
 */
function embedkit_tag_for_shortcode( string $shortcode ): ?string {
	foreach ( embedkit_elements() as $tag => $element ) {
		if ( $element['shortcode'] === $shortcode ) {
			return $tag;
		}
	}
	return null;
}
