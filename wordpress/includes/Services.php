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
        ]);
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
