<?php

/**
 * Answers as a table that reads like the form: a column per question (titled in the site
 * language, nested ones as "Child · Age"), chosen options by their titles, Yes / No for yes-no.
 * Used by the wp-admin screen, the CSV export and the privacy exporter.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Turns stored answers into labelled cells. */
final class Answers
{
    /**
     * The questions of a form as columns: pointer => title.
     *
     * @return array<string, string>
     */
    public static function columns(object $schema): array
    {
        $columns = [];
        self::collect($schema, '', '', $columns);
        return $columns;
    }

    /** @param array<string, string> $columns */
    private static function collect(object $schema, string $pointer, string $prefix, array &$columns): void
    {
        $nodes = [$schema];
        foreach (array_merge([$schema], is_array($schema->allOf ?? null) ? $schema->allOf : []) as $node) {
            foreach (['then', 'else'] as $branch) {
                if (is_object($node) && isset($node->$branch) && is_object($node->$branch)) {
                    $nodes[] = $node->$branch;
                }
            }
        }
        foreach ($nodes as $node) {
            if (!isset($node->properties) || !is_object($node->properties)) {
                continue;
            }
            foreach (get_object_vars($node->properties) as $name => $sub) {
                $name = (string) $name;
                $path = $pointer . '/' . $name;
                $title = is_object($sub) ? self::text($sub->title ?? null, $name) : $name;
                $label = $prefix === '' ? $title : $prefix . ' · ' . $title;
                if (is_object($sub) && isset($sub->properties) && is_object($sub->properties)) {
                    self::collect($sub, $path, $label, $columns);
                } elseif (!isset($columns[$path])) {
                    $columns[$path] = $label;
                }
            }
        }
    }

    /**
     * An answer's cells for the given columns, as plain text; answers to questions the form no
     * longer has go to extra columns named by their pointer.
     *
     * @param array<string, string> $columns
     * @return array<string, string>
     */
    public static function cells(object $schema, $data, array $columns): array
    {
        $values = [];
        self::flatten($data, '', $values);
        $cells = [];
        foreach ($columns as $pointer => $title) {
            $cells[$pointer] = isset($values[$pointer]) ? self::show(self::nodeAt($schema, $pointer), $values[$pointer]) : '';
        }
        foreach ($values as $pointer => $value) {
            if (!isset($cells[$pointer])) {
                $cells[$pointer] = self::show(null, $value);
            }
        }
        return $cells;
    }

    /** @param array<string, mixed> $values */
    private static function flatten($value, string $pointer, array &$values): void
    {
        if (is_object($value)) {
            foreach (get_object_vars($value) as $name => $item) {
                self::flatten($item, $pointer . '/' . $name, $values);
            }
            return;
        }
        $values[$pointer] = $value;
    }

    private static function nodeAt(object $schema, string $pointer): ?object
    {
        $node = $schema;
        foreach (array_slice(explode('/', $pointer), 1) as $name) {
            $found = null;
            foreach (self::variants($node) as $variant) {
                if (isset($variant->properties->$name) && is_object($variant->properties->$name)) {
                    $found = $variant->properties->$name;
                    break;
                }
            }
            if ($found === null) {
                return null;
            }
            $node = $found;
        }
        return $node;
    }

    /** @return object[] a node and its conditional branches */
    private static function variants(object $node): array
    {
        $list = [$node];
        foreach (array_merge([$node], is_array($node->allOf ?? null) ? $node->allOf : []) as $part) {
            foreach (['then', 'else'] as $branch) {
                if (is_object($part) && isset($part->$branch) && is_object($part->$branch)) {
                    $list[] = $part->$branch;
                }
            }
        }
        return $list;
    }

    /** One answer as text: choices by title, yes / no, lists joined. */
    private static function show(?object $node, $value): string
    {
        if (is_array($value)) {
            $items = $node && isset($node->items) && is_object($node->items) ? $node->items : null;
            return implode('; ', array_map(static function ($item) use ($items): string {
                return self::show($items, $item);
            }, $value));
        }
        if (is_bool($value)) {
            return $value ? __('Yes', 'dandelion-widgets') : __('No', 'dandelion-widgets');
        }
        if ($value === null) {
            return '';
        }
        if ($node && isset($node->oneOf) && is_array($node->oneOf)) {
            foreach ($node->oneOf as $option) {
                if (is_object($option) && property_exists($option, 'const') && Validator::jsonEqual($option->const, $value)) {
                    return self::text($option->title ?? null, (string) wp_json_encode($value, JSON_UNESCAPED_UNICODE));
                }
            }
        }
        return is_string($value) ? $value : (string) wp_json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }

    /** A schema text (a string, or one per language) in the site language. */
    public static function text($text, string $fallback): string
    {
        if (is_string($text)) {
            return $text;
        }
        if (is_object($text)) {
            $lang = Locale::widgetLanguage();
            foreach ([$lang, $lang === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant', 'en', 'zh-Hans'] as $key) {
                if (isset($text->$key) && is_string($text->$key)) {
                    return $text->$key;
                }
            }
        }
        return $fallback;
    }
}
