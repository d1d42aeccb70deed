<?php
/**
 * Server render of the THRON gallery block: what the page gets; the post keeps only the attributes.
 *
 * @package Embedkit
 * @var array $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;

echo embedkit_block_markup( 'thron-gallery', $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped inside.
