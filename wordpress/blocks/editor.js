/**
 * Block editor side of the four Dandelion blocks: inspector controls for the settings people
 * change most, and a preview that is the real widget (the server renders the element, the
 * widget modules are loaded in the editor). Plain JavaScript on the `wp.*` globals: no build step.
 */
(function (wp, config) {
  'use strict';
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var __ = wp.i18n.__;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var c = wp.components;
  var ServerSideRender = wp.serverSideRender;
  var settings = config || { forms: [], formats: [], eventsCalendar: false };

  function languageControl(props) {
    return el(c.SelectControl, {
      label: __('Language', 'dandelion-widgets'),
      help: __('Empty: the site language.', 'dandelion-widgets'),
      value: props.attributes.lang,
      options: [
        { value: '', label: __('Site language', 'dandelion-widgets') },
        { value: 'zh-Hans', label: '简体中文' },
        { value: 'zh-Hant', label: '繁體中文' },
        { value: 'en', label: 'English' },
      ],
      onChange: function (lang) {
        props.setAttributes({ lang: lang });
      },
    });
  }

  function sourceControls(props, help) {
    return [
      el(c.TextControl, {
        key: 'src',
        label: __('Source address', 'dandelion-widgets'),
        help: help,
        type: 'url',
        value: props.attributes.src,
        onChange: function (src) {
          props.setAttributes({ src: src.trim() });
        },
      }),
      el(c.SelectControl, {
        key: 'format',
        label: __('Format', 'dandelion-widgets'),
        value: props.attributes.format,
        options: [{ value: '', label: __('Detect automatically', 'dandelion-widgets') }].concat(
          settings.formats
            .filter(function (f) {
              return f !== 'auto';
            })
            .map(function (f) {
              return { value: f, label: f };
            }),
        ),
        onChange: function (format) {
          props.setAttributes({ format: format });
        },
      }),
    ];
  }

  function toggle(props, name, label) {
    return el(c.ToggleControl, {
      key: name,
      label: label,
      checked: !!props.attributes[name],
      onChange: function (value) {
        var next = {};
        next[name] = value;
        props.setAttributes(next);
      },
    });
  }

  var panels = {
    'story-carousel': function (props) {
      return [
        sourceControls(
          props,
          __("Empty: this site's latest posts, with their featured images.", 'dandelion-widgets'),
        ),
        el(c.RangeControl, {
          key: 'count',
          label: __('Number of posts', 'dandelion-widgets'),
          min: 1,
          max: 50,
          value: props.attributes.count,
          onChange: function (count) {
            props.setAttributes({ count: count || 8 });
          },
        }),
        toggle(props, 'autoplay', __('Rotate automatically', 'dandelion-widgets')),
        toggle(props, 'loop', __('Wrap around at the ends', 'dandelion-widgets')),
        toggle(props, 'overlay', __('Text over the picture', 'dandelion-widgets')),
      ];
    },
    'event-calendar': function (props) {
      return [
        sourceControls(
          props,
          settings.eventsCalendar
            ? __('Empty: the events of The Events Calendar.', 'dandelion-widgets')
            : __('For example the address of an iCal (.ics) feed.', 'dandelion-widgets'),
        ),
        el(c.SelectControl, {
          key: 'view',
          label: __('View', 'dandelion-widgets'),
          value: props.attributes.view,
          options: [
            { value: '', label: __('By width (month, or list on phones)', 'dandelion-widgets') },
            { value: 'month', label: __('Month', 'dandelion-widgets') },
            { value: 'week', label: __('Week', 'dandelion-widgets') },
            { value: 'list', label: __('List', 'dandelion-widgets') },
          ],
          onChange: function (view) {
            props.setAttributes({ view: view });
          },
        }),
        toggle(props, 'lunar', __('Show Chinese calendar days', 'dandelion-widgets')),
      ];
    },
    'service-finder': function (props) {
      var csv = props.attributes.csvId;
      return [
        sourceControls(
          props,
          __("Empty: this site's Services, or the CSV file chosen below.", 'dandelion-widgets'),
        ),
        el(
          wp.blockEditor.MediaUploadCheck,
          { key: 'csv' },
          el(wp.blockEditor.MediaUpload, {
            allowedTypes: ['text/csv', 'text/plain'],
            value: csv,
            onSelect: function (media) {
              props.setAttributes({ csvId: media.id, src: '' });
            },
            render: function (o) {
              return el(
                'div',
                { className: 'dandelion-csv' },
                el(
                  c.Button,
                  { variant: 'secondary', onClick: o.open },
                  csv
                    ? __('Choose another CSV file', 'dandelion-widgets')
                    : __('Choose a CSV file (Excel exports work)', 'dandelion-widgets'),
                ),
                csv
                  ? el(
                      c.Button,
                      {
                        variant: 'link',
                        isDestructive: true,
                        onClick: function () {
                          props.setAttributes({ csvId: 0 });
                        },
                      },
                      __('Remove the CSV file', 'dandelion-widgets'),
                    )
                  : null,
              );
            },
          }),
        ),
      ];
    },
    'intake-form': function (props) {
      return [
        el(c.SelectControl, {
          key: 'form',
          label: __('Form', 'dandelion-widgets'),
          value: props.attributes.form,
          options: [{ value: '', label: __('Choose a form', 'dandelion-widgets') }].concat(
            settings.forms,
          ),
          onChange: function (form) {
            props.setAttributes({ form: form });
          },
        }),
        el(c.TextControl, {
          key: 'redirect',
          label: __('Page to open after sending (optional)', 'dandelion-widgets'),
          type: 'url',
          value: props.attributes.redirect,
          onChange: function (redirect) {
            props.setAttributes({ redirect: redirect.trim() });
          },
        }),
        toggle(
          props,
          'noDraft',
          __('Keep no draft on the device (shared computers)', 'dandelion-widgets'),
        ),
      ];
    },
  };

  Object.keys(panels).forEach(function (widget) {
    wp.blocks.registerBlockType('dandelion/' + widget, {
      edit: function (props) {
        var blockProps = useBlockProps();
        return el(
          Fragment,
          null,
          el(
            InspectorControls,
            null,
            el(
              c.PanelBody,
              { title: __('Settings', 'dandelion-widgets') },
              panels[widget](props),
              languageControl(props),
            ),
          ),
          el(
            'div',
            blockProps,
            // Inert in the editor: a preview form must not send answers, links must not navigate.
            el(
              c.Disabled,
              null,
              el(ServerSideRender, {
                block: 'dandelion/' + widget,
                attributes: props.attributes,
                httpMethod: 'POST',
              }),
            ),
          ),
        );
      },
      save: function () {
        return null;
      },
    });
  });
})(window.wp, window.dandelionEditor);
