<?php

/**
 * The site's own services directory: a "Service" post type (title, description, categories,
 * phone, email, website, address, opening hours) served as JSON records the service finder reads
 * (`/dandelion/v1/services`). A finder without a source shows these.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

use WP_REST_Response;
use WP_REST_Server;

/** The Service post type, its fields and its public JSON. */
final class Services
{
    public const POST_TYPE = 'dandelion_service';
    public const TAXONOMY = 'dandelion_service_category';
    public const ROUTE_NAMESPACE = 'dandelion/v1';
    public const ROUTE = '/services';

    /** @return array<string, string> meta key => label */
    public static function fields(): array
    {
        return [
            'organization' => __('Organisation', 'dandelion-widgets'),
            'phone' => __('Phone', 'dandelion-widgets'),
            'email' => __('Email', 'dandelion-widgets'),
            'url' => __('Website', 'dandelion-widgets'),
            'address' => __('Address', 'dandelion-widgets'),
            'hours' => __('Opening hours', 'dandelion-widgets'),
            'eligibility' => __('Who it is for', 'dandelion-widgets'),
            'fees' => __('Fees', 'dandelion-widgets'),
        ];
    }

    public static function registerTypes(): void
    {
        register_post_type(self::POST_TYPE, [
            'labels' => [
                'name' => __('Services', 'dandelion-widgets'),
                'singular_name' => __('Service', 'dandelion-widgets'),
                'add_new_item' => __('Add service', 'dandelion-widgets'),
                'edit_item' => __('Edit service', 'dandelion-widgets'),
            ],
            'public' => false,
            'show_ui' => true,
            'show_in_rest' => true,
            'menu_icon' => 'dashicons-location-alt',
            'supports' => ['title', 'editor', 'custom-fields'],
            'capability_type' => 'page',
            'map_meta_cap' => true,
            'register_meta_box_cb' => [self::class, 'addMetaBox'],
        ]);
        add_action('save_post_' . self::POST_TYPE, [self::class, 'save']);
        register_taxonomy(self::TAXONOMY, self::POST_TYPE, [
            'labels' => [
                'name' => __('Service categories', 'dandelion-widgets'),
                'singular_name' => __('Service category', 'dandelion-widgets'),
            ],
            'public' => false,
            'show_ui' => true,
            'show_in_rest' => true,
            'hierarchical' => true,
        ]);
        foreach (array_keys(self::fields()) as $field) {
            register_post_meta(self::POST_TYPE, $field, [
                'type' => 'string',
                'single' => true,
                'show_in_rest' => true,
                'sanitize_callback' => $field === 'email' ? 'sanitize_email' : ($field === 'url' ? 'esc_url_raw' : 'sanitize_text_field'),
                'auth_callback' => static function (): bool {
                    return current_user_can('edit_pages');
                },
            ]);
        }
    }

    public static function addMetaBox(): void
    {
        add_meta_box('dandelion-service', __('Service details', 'dandelion-widgets'), [self::class, 'metaBox'], self::POST_TYPE, 'normal', 'high');
    }

    /** The service's details as plain fields under the description. */
    public static function metaBox(\WP_Post $post): void
    {
        wp_nonce_field('dandelion-service', 'dandelion_service_nonce');
        echo '<table class="form-table" role="presentation"><tbody>';
        foreach (self::fields() as $field => $label) {
            $type = $field === 'email' ? 'email' : ($field === 'url' ? 'url' : ($field === 'phone' ? 'tel' : 'text'));
            printf(
                '<tr><th scope="row"><label for="dandelion-%1$s">%2$s</label></th>'
                . '<td><input class="regular-text" type="%3$s" id="dandelion-%1$s" name="dandelion_service[%1$s]" value="%4$s"></td></tr>',
                esc_attr($field),
                esc_html($label),
                esc_attr($type),
                esc_attr((string) get_post_meta($post->ID, $field, true))
            );
        }
        echo '</tbody></table>';
    }

    public static function save(int $postId): void
    {
        if (
            !isset($_POST['dandelion_service'], $_POST['dandelion_service_nonce'])
            || !wp_verify_nonce(sanitize_key($_POST['dandelion_service_nonce']), 'dandelion-service')
            || !current_user_can('edit_post', $postId)
            || wp_is_post_revision($postId)
        ) {
            return;
        }
        $values = wp_unslash((array) $_POST['dandelion_service']); // phpcs:ignore -- sanitized per field below.
        foreach (array_keys(self::fields()) as $field) {
            $value = isset($values[$field]) ? (string) $values[$field] : '';
            // The registered meta's sanitize callback runs in update_post_meta.
            if ($value === '') {
                delete_post_meta($postId, $field);
            } else {
                update_post_meta($postId, $field, wp_slash($value));
            }
        }
    }

    public static function registerRoutes(): void
    {
        register_rest_route(self::ROUTE_NAMESPACE, self::ROUTE, [
            'methods' => WP_REST_Server::READABLE,
            'callback' => [self::class, 'list'],
            'permission_callback' => '__return_true',
        ]);
    }

    /** Published services as records with the names the finder's reader knows. */
    public static function list(): WP_REST_Response
    {
        $posts = get_posts([
            'post_type' => self::POST_TYPE,
            'post_status' => 'publish',
            'numberposts' => 2000,
            'orderby' => 'title',
            'order' => 'ASC',
        ]);
        $records = [];
        foreach ($posts as $post) {
            $record = [
                'id' => 'wp-' . $post->ID,
                'name' => get_the_title($post),
                'description' => trim(wp_strip_all_tags(strip_shortcodes($post->post_content))),
                'categories' => wp_get_post_terms($post->ID, self::TAXONOMY, ['fields' => 'names']),
                'updated' => mysql_to_rfc3339($post->post_modified_gmt),
            ];
            foreach (array_keys(self::fields()) as $field) {
                $value = (string) get_post_meta($post->ID, $field, true);
                if ($value !== '') {
                    $record[$field] = $value;
                }
            }
            $records[] = $record;
        }
        $response = new WP_REST_Response($records, 200);
        $response->header('Cache-Control', 'public, max-age=300');
        return $response;
    }
}
