/** Registers `<service-finder>` (the side effect of `dandelion-widgets/service-finder`). */
import { defineElement } from '../core/define.js';
import { ServiceFinder } from './service-finder.js';

defineElement('service-finder', ServiceFinder);
