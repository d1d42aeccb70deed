<?php
/**
 * Server render of the ThroughLine helplines block: what the page gets; the post keeps only the attributes.
 *
 * @package Embedkit
 * @var array $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;

echo embedkit_block_markup( 'throughline-helplines', $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped inside.
