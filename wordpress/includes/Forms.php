<?php

/**
 * The site's intake forms: JSON Schemas kept as "Intake form" posts (edited by administrators),
 * plus the example forms shipped with the plugin. A form is found by its slug.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Where intake form schemas come from. */
final class Forms
{
    public const POST_TYPE = 'dandelion_form';
    private const META = '_dandelion_schema';

    /** @var array<string, array{title: string, schema: object}>|null the forms, read once per request */
    private static ?array $cache = null;

    public static function registerType(): void
    {
        register_post_type(
            self::POST_TYPE,
            [
                'labels' => [
                    'name' => __('Intake forms', 'dandelion-widgets'),
                    'singular_name' => __('Intake form', 'dandelion-widgets'),
                    'add_new_item' => __('Add intake form', 'dandelion-widgets'),
                    'edit_item' => __('Edit intake form', 'dandelion-widgets'),
                ],
                'public' => false,
                'show_ui' => true,
                'show_in_menu' => Admin::MENU_SLUG,
                'show_in_rest' => false,
                'supports' => ['title'],
                'map_meta_cap' => true,
                // Only administrators write forms: a schema decides what families are asked.
                'capabilities' => array_fill_keys(
                    [
                        'edit_posts', 'edit_others_posts', 'edit_published_posts', 'edit_private_posts',
                        'publish_posts', 'read_private_posts', 'delete_posts', 'delete_others_posts',
                        'delete_published_posts', 'delete_private_posts', 'create_posts',
                    ],
                    'manage_options'
                ),
                'register_meta_box_cb' => [self::class, 'addMetaBox'],
            ]
        );
        add_action('save_post_' . self::POST_TYPE, [self::class, 'save'], 10, 2);
    }

    /**
     * Every form by slug: `title` (in the site language where the schema has several) and `schema`.
     *
     * @return array<string, array{title: string, schema: object}>
     */
    public static function all(): array
    {
        if (self::$cache !== null) {
            return self::$cache;
        }
        $forms = [];
        foreach (glob(Plugin::path('forms/*.json')) ?: [] as $file) {
            $schema = json_decode((string) file_get_contents($file));
            if (is_object($schema)) {
                $forms[basename($file, '.json')] = ['title' => self::title($schema, basename($file, '.json')), 'schema' => $schema];
            }
        }
        $posts = get_posts(['post_type' => self::POST_TYPE, 'post_status' => 'publish', 'numberposts' => 200]);
        foreach ($posts as $post) {
            $schema = json_decode((string) get_post_meta($post->ID, self::META, true));
            if (is_object($schema)) {
                $forms[self::slugOf($post)] = ['title' => $post->post_title ?: self::slugOf($post), 'schema' => $schema];
            }
        }
        /**
         * Filters the intake forms (slug => ['title' => string, 'schema' => object]).
         */
        self::$cache = apply_filters('dandelion_intake_forms', $forms);
        return self::$cache;
    }

    /**
     * A form post's name in blocks, shortcodes and addresses: its slug when that is plain
     * (`activity-signup`), else `form-<id>` (a Chinese title gives a percent-encoded slug).
     */
    public static function slugOf(\WP_Post $post): string
    {
        return preg_match('/^[a-z0-9][a-z0-9_-]{0,99}$/', $post->post_name) ? $post->post_name : 'form-' . $post->ID;
    }

    /** @return array{title: string, schema: object}|null */
    public static function get(string $slug): ?array
    {
        return self::all()[$slug] ?? null;
    }

    /** A schema title in the site's language (titles may be one string per language). */
    public static function title(object $schema, string $fallback): string
    {
        return Answers::text($schema->title ?? null, $fallback);
    }

    public static function addMetaBox(): void
    {
        add_meta_box('dandelion-schema', __('Form (JSON Schema)', 'dandelion-widgets'), [self::class, 'metaBox'], self::POST_TYPE, 'normal', 'high');
    }

    public static function metaBox(\WP_Post $post): void
    {
        wp_nonce_field('dandelion-schema', 'dandelion_schema_nonce');
        $schema = (string) get_post_meta($post->ID, self::META, true);
        printf(
            '<p>%s</p><textarea name="dandelion_schema" class="large-text code" rows="24" spellcheck="false">%s</textarea>',
            // phpcs:ignore Generic.Files.LineLength -- one translatable sentence.
            esc_html__('Paste the form\'s JSON Schema. The answers are checked against it on the server before they are stored.', 'dandelion-widgets'),
            esc_textarea($schema)
        );
        if ($post->post_status === 'publish') {
            printf(
                '<p>%s <code>[dandelion_intake_form form="%s"]</code></p>',
                esc_html__('Shortcode for this form:', 'dandelion-widgets'),
                esc_html(self::slugOf($post))
            );
        }
        $error = get_transient('dandelion_schema_error_' . $post->ID);
        if ($error) {
            printf('<div class="notice notice-error inline"><p>%s</p></div>', esc_html($error));
            delete_transient('dandelion_schema_error_' . $post->ID);
        }
    }

    public static function save(int $postId, \WP_Post $post): void
    {
        if (
            !isset($_POST['dandelion_schema'], $_POST['dandelion_schema_nonce'])
            || !wp_verify_nonce(sanitize_key($_POST['dandelion_schema_nonce']), 'dandelion-schema')
            || !current_user_can('manage_options')
            || wp_is_post_revision($postId)
        ) {
            return;
        }
        $text = trim(wp_unslash((string) $_POST['dandelion_schema'])); // phpcs:ignore -- JSON, checked below.
        $schema = json_decode($text);
        if (!is_object($schema) || !isset($schema->properties) || !is_object($schema->properties)) {
            set_transient(
                'dandelion_schema_error_' . $postId,
                __('The form was not saved: it must be a JSON object schema with "properties".', 'dandelion-widgets'),
                300
            );
            return;
        }
        self::$cache = null;
        update_post_meta($postId, self::META, wp_slash(wp_json_encode($schema, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT)));
    }
}
