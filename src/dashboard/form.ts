/**
 * The form that requests a report. Each control is named after its field's path in CreateReportInput
 * (`location.latitude`, `params.timeoutSeconds`...), which is also the path the API names in a
 * BAD_USER_INPUT issue: an error from the API lands next to its field without a mapping table.
 *
 * The browser's own validation is off (novalidate): the API's rules are the rules, and its messages
 * are the ones shown. Only what cannot be sent at all (an empty required number) is caught here.
 */
import { CreateReportDocument } from '../clients/generated/graphql.js';
import type { CreateReportInput, Language, Occupancy, Scenario, Structure } from '../clients/generated/graphql.js';
import { formatMoneyCompact } from '../documents/format.js';
import { scenarioLabel } from '../documents/labels.js';
import type { Api, FieldIssue } from './api.js';
import { ApiError, toApiError } from './api.js';
import { h, replace } from './dom.js';
import { checkboxGroup, clearFieldError, field, parseAmount, select, showFieldErrors, textInput } from './form-fields.js';
import { PlacePicker } from './place-picker.js';
import type { Place, PickedPlace } from './place-picker.js';
import type { Row } from './store.js';

const SCENARIOS: readonly Scenario[] = ['SSP1_2_6', 'SSP2_4_5', 'SSP5_8_5'];
const HORIZONS = [2030, 2050, 2100] as const;
const OCCUPANCIES: readonly [Occupancy, string][] = [['COMMERCIAL', 'Commercial'], ['RESIDENTIAL', 'Residential'], ['INDUSTRIAL', 'Industrial']];
const STRUCTURES: readonly [Structure, string][] = [
  ['REINFORCED_CONCRETE', 'Reinforced concrete'],
  ['STEEL', 'Steel'],
  ['MASONRY', 'Masonry'],
  ['TIMBER', 'Timber'],
];
const CURRENCIES = ['KRW', 'USD', 'EUR', 'JPY', 'CNY', 'GBP', 'AUD', 'SGD', 'HKD', 'INR'] as const;

/** A first report needs no typing: a seafront tower in Busan (the README's example). */
const EXAMPLE = { latitude: '35.1566', longitude: '129.145', address: 'Haeundae, Busan', name: 'Haeundae seafront tower', value: '50,000,000,000' };

function defaultLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('ko') ? 'KO' : 'EN';
}

export class ReportForm {
  readonly element: HTMLFormElement;
  readonly #api: Api;
  readonly #onCreated: (row: Row) => void;
  readonly #formError: HTMLDivElement;
  readonly #submit: HTMLButtonElement;
  readonly #places: PlacePicker;
  #autoAddress: string | null = EXAMPLE.address;

  constructor(api: Api, places: Promise<Place[]>, onCreated: (row: Row) => void) {
    this.#api = api;
    this.#onCreated = onCreated;
    this.#formError = h('div', { class: 'form-error', role: 'alert', hidden: true });
    this.#submit = h('button', { class: 'button primary', type: 'submit' }, 'Request report');
    this.#places = new PlacePicker(places, (place) => this.#pickPlace(place));
    this.element = this.#build();
    // An edited field's error is out of date; coordinates typed by hand are no longer the picked place.
    this.element.addEventListener('input', (event) => {
      const box = (event.target as Element).closest<HTMLElement>('[data-field]');
      if (box) clearFieldError(box);
      const name = (event.target as HTMLInputElement).name;
      if (name === 'location.latitude' || name === 'location.longitude') this.#places.clear();
    });
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send();
    });
  }

  #build(): HTMLFormElement {
    const latitude = textInput('location.latitude', { inputmode: 'decimal', value: EXAMPLE.latitude });
    const longitude = textInput('location.longitude', { inputmode: 'decimal', value: EXAMPLE.longitude });
    const address = textInput('location.address', { value: EXAMPLE.address, maxlength: 500 });
    address.addEventListener('input', () => (this.#autoAddress = null));

    const value = textInput('asset.value', { inputmode: 'numeric', value: EXAMPLE.value });
    const valueHint = h('span', {});
    const currency = textInput('asset.currency', { value: 'KRW', maxlength: 3, list: 'currencies', class: 'short' });
    const showValue = (): void => {
      const amount = parseAmount(value.value);
      let text = 'Building value, greater than 0';
      try {
        if (Number.isFinite(amount) && amount > 0) text = `≈ ${formatMoneyCompact(amount, currency.value.trim().toUpperCase() || 'KRW', 'EN')}`;
      } catch {
        // an unknown currency code: the API will say so
      }
      valueHint.textContent = text;
    };
    value.addEventListener('input', showValue);
    currency.addEventListener('input', showValue);
    showValue();

    const language = defaultLanguage();
    const languages = h(
      'div',
      { class: 'check-row', role: 'radiogroup', 'aria-label': 'Language' },
      ...(['EN', 'KO'] as const).map((code) =>
        h('label', { class: 'check' }, h('input', { type: 'radio', name: 'language', value: code, checked: code === language }), code === 'EN' ? ' English' : ' 한국어'),
      ),
    );

    return h(
      'form',
      { class: 'report-form', novalidate: true, 'aria-label': 'Request a report' },
      h(
        'section',
        { class: 'form-section' },
        h('h3', {}, 'Location'),
        field('place', 'Place from the climate table', this.#places.element, 'Fills in the coordinates; or type your own below.'),
        h('div', { class: 'pair' }, field('location.latitude', 'Latitude', latitude), field('location.longitude', 'Longitude', longitude)),
        field('location.address', 'Address (optional)', address),
      ),
      h(
        'section',
        { class: 'form-section' },
        h('h3', {}, 'Building'),
        field('building.name', 'Name (optional)', textInput('building.name', { value: EXAMPLE.name, maxlength: 500 })),
        h(
          'div',
          { class: 'pair' },
          field('building.occupancy', 'Occupancy', select('building.occupancy', OCCUPANCIES, 'COMMERCIAL')),
          field('building.structure', 'Structure', select('building.structure', STRUCTURES, 'REINFORCED_CONCRETE')),
        ),
        h(
          'div',
          { class: 'triple' },
          field('building.floorsAboveGround', 'Floors', textInput('building.floorsAboveGround', { inputmode: 'numeric', value: '30' })),
          field('building.basementFloors', 'Basements', textInput('building.basementFloors', { inputmode: 'numeric', value: '3' })),
          field('building.yearBuilt', 'Year built', textInput('building.yearBuilt', { inputmode: 'numeric', placeholder: 'optional' })),
        ),
      ),
      h(
        'section',
        { class: 'form-section' },
        h('h3', {}, 'Asset'),
        h('div', { class: 'pair wide-first' }, field('asset.value', 'Value', value, valueHint), field('asset.currency', 'Currency', currency)),
        h('datalist', { id: 'currencies' }, ...CURRENCIES.map((code) => h('option', { value: code }))),
      ),
      h(
        'section',
        { class: 'form-section' },
        h('h3', {}, 'Analysis'),
        checkboxGroup('params.scenarios', 'Scenarios', SCENARIOS.map((s) => [s, scenarioLabel(s)] as const), 'The 1995–2014 baseline is always included; none ticked means all.'),
        checkboxGroup('params.horizons', 'Horizons', HORIZONS.map((y) => [String(y), String(y)] as const), 'None ticked means all.'),
        h(
          'div',
          { class: 'pair' },
          h('div', { class: 'field', 'data-field': 'language' }, h('span', { class: 'label' }, 'Language'), languages, h('p', { class: 'field-error', 'data-error-for': 'language', hidden: true })),
          field(
            'params.timeoutSeconds',
            'Deadline (seconds)',
            textInput('params.timeoutSeconds', { inputmode: 'numeric', value: '60' }),
            'Finished or timed out by then, queue included.',
          ),
        ),
        h(
          'details',
          { class: 'advanced' },
          h('summary', {}, 'Advanced'),
          field(
            'params.simulationYears',
            'Simulated years',
            textInput('params.simulationYears', { inputmode: 'numeric', value: '10000' }),
            'Monte-Carlo years, 1,000 to 10,000,000: more is more precise and slower.',
          ),
          h(
            'div',
            { class: 'field', 'data-field': 'params.includeNarrative' },
            h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'params.includeNarrative', checked: true }), ' Write a narrative'),
            h('p', { class: 'field-error', 'data-error-for': 'params.includeNarrative', hidden: true }),
          ),
        ),
      ),
      this.#formError,
      h('div', { class: 'form-actions' }, this.#submit),
    );
  }

  /** Fills the coordinates from a picked place, and the address unless the user wrote their own. */
  #pickPlace(place: PickedPlace): void {
    this.#control('location.latitude').value = String(place.latitude);
    this.#control('location.longitude').value = String(place.longitude);
    const address = this.#control('location.address');
    if (address.value === '' || address.value === this.#autoAddress) {
      address.value = place.label;
      this.#autoAddress = address.value;
    }
    this.#clearErrors();
  }

  #control(path: string): HTMLInputElement {
    const control = this.element.elements.namedItem(path);
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) throw new Error(`no control ${path}`);
    return control as HTMLInputElement;
  }

  /** The input to send, or the issues that stop it from being sent. */
  #collect(): { input: CreateReportInput; issues: FieldIssue[] } {
    const issues: FieldIssue[] = [];
    const text = (path: string): string => this.#control(path).value.trim();
    const number = (path: string, what: string, required = false): number | undefined => {
      const raw = text(path);
      if (raw === '') {
        if (required) issues.push({ path, message: `${what} is required` });
        return undefined;
      }
      const value = parseAmount(raw);
      if (Number.isNaN(value)) issues.push({ path, message: `${what} must be a number` });
      return Number.isNaN(value) ? undefined : value;
    };
    const checked = (path: string): string[] =>
      [...this.element.querySelectorAll<HTMLInputElement>(`input[name="${path}"]:checked`)].map((input) => input.value);
    const optional = <T>(value: T | undefined | ''): T | undefined => (value === '' ? undefined : value);

    const scenarios = checked('params.scenarios') as Scenario[];
    const horizons = checked('params.horizons').map(Number);
    const input: CreateReportInput = {
      location: {
        latitude: number('location.latitude', 'latitude', true) ?? 0,
        longitude: number('location.longitude', 'longitude', true) ?? 0,
        address: optional(text('location.address')),
      },
      building: {
        name: optional(text('building.name')),
        occupancy: text('building.occupancy') as Occupancy,
        structure: text('building.structure') as Structure,
        floorsAboveGround: number('building.floorsAboveGround', 'floors'),
        basementFloors: number('building.basementFloors', 'basements'),
        yearBuilt: number('building.yearBuilt', 'yearBuilt'),
      },
      asset: { value: number('asset.value', 'value', true) ?? 0, currency: optional(text('asset.currency').toUpperCase()) },
      params: {
        scenarios: scenarios.length > 0 ? scenarios : undefined,
        horizons: horizons.length > 0 ? horizons : undefined,
        timeoutSeconds: number('params.timeoutSeconds', 'timeoutSeconds'),
        simulationYears: number('params.simulationYears', 'simulationYears'),
        includeNarrative: this.element.querySelector<HTMLInputElement>('input[name="params.includeNarrative"]')?.checked ?? true,
      },
      language: (checked('language')[0] as Language | undefined) ?? 'EN',
    };
    return { input, issues };
  }

  async #send(): Promise<void> {
    this.#clearErrors();
    const { input, issues } = this.#collect();
    if (issues.length > 0) {
      this.#showErrors(new ApiError('Some fields need a value', 'BAD_USER_INPUT', issues));
      return;
    }
    this.#submit.disabled = true;
    this.#submit.textContent = 'Requesting…';
    try {
      const { createReport } = await this.#api.request(CreateReportDocument, { input });
      this.#onCreated(createReport);
    } catch (error) {
      this.#showErrors(toApiError(error));
    } finally {
      this.#submit.disabled = false;
      this.#submit.textContent = 'Request report';
    }
  }

  #clearErrors(): void {
    for (const box of this.element.querySelectorAll<HTMLElement>('[data-field]')) clearFieldError(box);
    this.#formError.hidden = true;
    replace(this.#formError);
  }

  /** Field issues next to their fields; the rest (and errors that are not about a field) above the button. */
  #showErrors(error: ApiError): void {
    const unplaced = showFieldErrors(this.element, error.issues).map((issue) => `${issue.path}: ${issue.message}`);
    if (error.issues.length === 0) unplaced.push(this.#explain(error));
    if (unplaced.length > 0) {
      replace(this.#formError, ...unplaced.map((line) => h('p', {}, line)));
      this.#formError.hidden = false;
    }
  }

  #explain(error: ApiError): string {
    switch (error.code) {
      case 'QUEUE_FULL':
        return 'The queue is full: try again in a moment.';
      case 'SHUTTING_DOWN':
        return 'The server is shutting down and takes no new reports.';
      case 'UNAUTHENTICATED':
        return 'The server needs an API key: set one with the “API key” button above.';
      case 'NETWORK':
        return 'The server cannot be reached. It may be restarting: try again in a moment.';
      default:
        return error.message;
    }
  }
}
