import { defineElement } from '../core/define.js';
import { ServiceFinder } from './service-finder.js';

defineElement('service-finder', ServiceFinder);
