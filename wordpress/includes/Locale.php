<?php

/**
 * The widgets' UI language from the site's language.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Maps WordPress locales (zh_CN, zh_TW …) to the widgets' languages (zh-Hans, zh-Hant, en). */
final class Locale
{
    public const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'];

    /** The widget language for a WordPress locale: Traditional for TW/HK/MO, else Simplified, else English. */
    public static function widgetLanguage(?string $locale = null): string
    {
        $locale = $locale ?? get_locale();
        if (preg_match('/^zh[_-](TW|HK|MO|Hant)/i', $locale)) {
            return 'zh-Hant';
        }
        if (strncasecmp($locale, 'zh', 2) === 0) {
            return 'zh-Hans';
        }
        return 'en';
    }
}
