<?php
/**
 * The block editor's strings, translated here with the plugin's text domain and handed to
 * assets/editor.js, so one set of translation files serves PHP and the editor.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

function embedkit_editor_strings(): array {
	return array(
		'noBff'          => __( 'Set the BFF URL under Settings → Embedkit to see a preview.', 'embedkit' ),
		'settings'       => __( 'Settings', 'embedkit' ),
		'gallery'        => __( 'Gallery name', 'embedkit' ),
		'galleryHelp'    => __( 'A gallery the BFF offers; "default" is its main folder.', 'embedkit' ),
		'galleryMissing' => __( 'The BFF does not know this gallery.', 'embedkit' ),
		'galleryNoList'  => __( 'The BFF did not say which galleries it offers: type the gallery’s name. Is this site in its ALLOWED_ORIGINS?', 'embedkit' ),
		'preset'         => __( 'What it shows', 'embedkit' ),
		'type'           => __( 'Types', 'embedkit' ),
		'any'            => __( 'Any', 'embedkit' ),
		'image'          => __( 'Images', 'embedkit' ),
		'video'          => __( 'Videos', 'embedkit' ),
		'audio'          => __( 'Audio', 'embedkit' ),
		'document'       => __( 'Documents', 'embedkit' ),
		'q'              => __( 'Only what matches this text', 'embedkit' ),
		'filters'        => __( 'Filters', 'embedkit' ),
		'sort'           => __( 'Order', 'embedkit' ),
		'newest'         => __( 'Newest first', 'embedkit' ),
		'oldest'         => __( 'Oldest first', 'embedkit' ),
		'title'          => __( 'By title', 'embedkit' ),
		'pageSize'       => __( 'Assets per page', 'embedkit' ),
		'layout'         => __( 'Layout', 'embedkit' ),
		'grid'           => __( 'Grid', 'embedkit' ),
		'carousel'       => __( 'Carousel', 'embedkit' ),
		'viewer'         => __( 'Viewer', 'embedkit' ),
		'filterBar'      => __( 'Show a filter bar above it', 'embedkit' ),
		'player'         => __( 'Player', 'embedkit' ),
		'playerThron'    => __( 'THRON Player', 'embedkit' ),
		'playerNative'   => __( 'Browser’s own player', 'embedkit' ),
		'asset'          => __( 'Asset', 'embedkit' ),
		'search'         => __( 'Search the gallery', 'embedkit' ),
		'noResults'      => __( 'Nothing found.', 'embedkit' ),
		'searchFailed'   => __( 'The BFF did not answer the search. Is this site in its ALLOWED_ORIGINS?', 'embedkit' ),
		'pickAsset'      => __( 'Choose an asset in the sidebar.', 'embedkit' ),
		'caption'        => __( 'Show the title and description', 'embedkit' ),
		'country'        => __( 'Country (two letters, e.g. US)', 'embedkit' ),
		'topic'          => __( 'Topic (name or code)', 'embedkit' ),
		'priority'       => __( 'Only ThroughLine’s short list', 'embedkit' ),
		'limit'          => __( 'How many helplines', 'embedkit' ),
		'method'         => __( 'What to launch', 'embedkit' ),
		'ids'            => __( 'Ids (commas or spaces)', 'embedkit' ),
		'assets'         => __( 'Hand-picked assets (ids, in order)', 'embedkit' ),
		'assetsHelp'     => __( 'Up to 50 content ids of the gallery’s folder, separated by commas: the gallery shows exactly these, in this order, and the preset above does not apply.', 'embedkit' ),
		'league'         => __( 'League', 'embedkit' ),
		'angles'         => __( 'Angles (commas)', 'embedkit' ),
		'ticketUrl'      => __( 'Ticket URL on this site', 'embedkit' ),
		'ticketHelp'     => __( 'Needed when the BFF protects launches with tickets (THUNDER_TICKET_SECRET): your site’s own endpoint that signs a ticket for the signed-in user. Without it, those launches are refused.', 'embedkit' ),
		'label'          => __( 'Button text', 'embedkit' ),
	);
}
