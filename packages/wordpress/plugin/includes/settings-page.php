<?php
/**
 * Settings → Embedkit: the BFF's URL and "Check connection". No vendor secret is asked for or
 * stored here; the page says so.
 *
 * @package Embedkit
 */

defined( 'ABSPATH' ) || exit;

function embedkit_add_settings_page(): void {
	add_options_page( __( 'Embedkit', 'embedkit' ), __( 'Embedkit', 'embedkit' ), 'manage_options', 'embedkit', 'embedkit_render_settings_page' );
}

function embedkit_register_setting(): void {
	register_setting(
		'embedkit',
		EMBEDKIT_OPTION_BFF_URL,
		array(
			'type'              => 'string',
			'sanitize_callback' => 'embedkit_sanitize_bff_url',
			'default'           => '',
			'show_in_rest'      => false,
		)
	);
}

function embedkit_render_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$bff    = embedkit_bff_url();
	$origin = embedkit_site_origin();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Embedkit', 'embedkit' ); ?></h1>
		<p><?php esc_html_e( 'Embedkit puts THRON galleries and assets, ThroughLine helplines and Thunder launch buttons on your pages through your Embedkit BFF (backend-for-frontend).', 'embedkit' ); ?></p>
		<p><strong><?php esc_html_e( 'No vendor secret is asked for or stored in WordPress: THRON, Thunder and ThroughLine credentials stay in the BFF.', 'embedkit' ); ?></strong></p>
		<form method="post" action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>">
			<?php settings_fields( 'embedkit' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="embedkit-bff-url"><?php esc_html_e( 'BFF URL', 'embedkit' ); ?></label></th>
					<td>
						<input type="url" id="embedkit-bff-url" name="<?php echo esc_attr( EMBEDKIT_OPTION_BFF_URL ); ?>" value="<?php echo esc_attr( $bff ); ?>" class="regular-text" placeholder="https://bff.example.com" aria-describedby="embedkit-bff-url-help">
						<p class="description" id="embedkit-bff-url-help"><?php esc_html_e( 'The address your operator gave you, for example https://bff.example.com.', 'embedkit' ); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Connection', 'embedkit' ); ?></h2>
		<p>
			<?php
			/* translators: %s: the site's origin, e.g. https://www.example.com */
			echo wp_kses( sprintf( __( 'Ask the BFF’s operator to add this site’s origin, %s, to ALLOWED_ORIGINS: visitors’ browsers call the BFF from it.', 'embedkit' ), '<code>' . esc_html( $origin ) . '</code>' ), array( 'code' => array() ) );
			?>
		</p>
		<?php embedkit_render_connection_check( $bff ); ?>
	</div>
	<?php
}

/**
 * The "Check connection" button, and its result when it was pressed (a nonce-checked GET).
 */
function embedkit_render_connection_check( string $bff ): void {
	if ( '' === $bff ) {
		echo '<p>' . esc_html__( 'Save a BFF URL first, then check the connection.', 'embedkit' ) . '</p>';
		return;
	}
	?>
	<form method="get" action="<?php echo esc_url( admin_url( 'options-general.php' ) ); ?>">
		<input type="hidden" name="page" value="embedkit">
		<input type="hidden" name="embedkit-check" value="1">
		<?php wp_nonce_field( 'embedkit-check', 'embedkit-nonce', false ); ?>
		<?php submit_button( __( 'Check connection', 'embedkit' ), 'secondary', 'submit', false ); ?>
	</form>
	<?php
	if ( ! isset( $_GET['embedkit-check'], $_GET['embedkit-nonce'] ) || ! wp_verify_nonce( sanitize_key( wp_unslash( $_GET['embedkit-nonce'] ) ), 'embedkit-check' ) ) {
		return;
	}
	$result = embedkit_check_connection( $bff );
	echo '<div id="embedkit-connection" role="status">';
	echo '<p>' . esc_html( $result['summary'] ) . '</p>';
	if ( $result['providers'] ) {
		echo '<dl class="embedkit-providers">';
		foreach ( $result['providers'] as $name => $words ) {
			echo '<dt><strong>' . esc_html( $name ) . '</strong></dt><dd>' . esc_html( $words ) . '</dd>';
		}
		echo '</dl>';
		$galleries = embedkit_gallery_names( $bff );
		if ( $galleries ) {
			/* translators: %s: gallery names, separated by commas. */
			echo '<p id="embedkit-galleries">' . esc_html( sprintf( __( 'THRON galleries on this BFF: %s', 'embedkit' ), implode( ', ', $galleries ) ) ) . '</p>';
		}
	}
	echo '</div>';
}
