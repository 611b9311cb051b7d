/**
 * The command line, parsed with node:util's parseArgs: `report`, `watch ID`, `get ID`. Numbers and
 * lists are checked here only as far as they must be to be sent; the server's rules are the rules,
 * and its BAD_USER_INPUT issues are reported against these flags (see FLAG_OF_PATH).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { CreateReportInput, Language, Occupancy, Scenario, Structure } from '../clients/generated/graphql.js';
import { CliError, ExitCode } from './exit-codes.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:4000';

export const USAGE = `Usage: climate-risk <command> [options]

Commands
  report   Request a report and follow it until it is done
             --lat <deg> --lon <deg> --value <amount>   required
             [--currency KRW] [--language ko|en] [--name <text>] [--address <text>]
             [--occupancy commercial|residential|industrial] [--structure reinforced_concrete|steel|masonry|timber]
             [--floors <n>] [--basements <n>] [--year-built <year>]
             [--scenarios ssp1_2_6,ssp2_4_5,ssp5_8_5] [--horizons 2030,2050,2100]
             [--years <simulated years>] [--timeout <seconds>] [--no-narrative]
             [--out report.md|report.html]   also save the finished report as a document
  watch ID Follow an existing report until it is done
  get ID   Print a report: [--format json|md|html] (default json)

Options for every command
  --server <url>     the service (default $CLIMATE_RISK_SERVER or ${DEFAULT_SERVER})
  --api-key <key>    when the server runs with API_KEYS (default $CLIMATE_RISK_API_KEY)
  --quiet            no progress on stderr
  -h, --help         this text

Progress goes to stderr (a bar on a terminal, plain lines otherwise); results go to stdout.
Exit codes: 0 completed, 1 report failed or cancelled, 2 bad input, 3 server unreachable or error,
4 timed out, 130 interrupted (the report carries on on the server).
`;

const COMMON = {
  server: { type: 'string' },
  'api-key': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const REPORT = {
  ...COMMON,
  lat: { type: 'string' },
  lon: { type: 'string' },
  value: { type: 'string' },
  currency: { type: 'string' },
  language: { type: 'string' },
  name: { type: 'string' },
  address: { type: 'string' },
  occupancy: { type: 'string' },
  structure: { type: 'string' },
  floors: { type: 'string' },
  basements: { type: 'string' },
  'year-built': { type: 'string' },
  scenarios: { type: 'string' },
  horizons: { type: 'string' },
  years: { type: 'string' },
  timeout: { type: 'string' },
  'no-narrative': { type: 'boolean' },
  out: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const GET = { ...COMMON, format: { type: 'string' } } as const satisfies ParseArgsConfig['options'];

/** The flag to blame for an issue the server reports at a field path. */
export const FLAG_OF_PATH: Readonly<Record<string, string>> = {
  'location.latitude': '--lat',
  'location.longitude': '--lon',
  'location.address': '--address',
  'asset.value': '--value',
  'asset.currency': '--currency',
  'building.name': '--name',
  'building.occupancy': '--occupancy',
  'building.structure': '--structure',
  'building.floorsAboveGround': '--floors',
  'building.basementFloors': '--basements',
  'building.yearBuilt': '--year-built',
  'params.scenarios': '--scenarios',
  'params.horizons': '--horizons',
  'params.simulationYears': '--years',
  'params.timeoutSeconds': '--timeout',
  language: '--language',
};

export interface Connection {
  /** Base URL of the service, e.g. http://127.0.0.1:4000 */
  server: string;
  apiKey: string | undefined;
  quiet: boolean;
}

export type Command =
  | { name: 'help' }
  | ({ name: 'report'; input: CreateReportInput; out: string | undefined } & Connection)
  | ({ name: 'watch'; id: string } & Connection)
  | ({ name: 'get'; id: string; format: 'json' | 'md' | 'html' } & Connection);

const usage = (message: string): CliError => new CliError(ExitCode.USAGE, `${message}\nRun \`climate-risk --help\` for the options.`);

function number(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (raw.trim() === '' || !Number.isFinite(value)) throw usage(`--${flag} must be a number (got "${raw}")`);
  return value;
}

function required(flag: string, raw: string | undefined): number {
  const value = number(flag, raw);
  if (value === undefined) throw usage(`--${flag} is required`);
  return value;
}

function upper<T extends string>(raw: string | undefined): T | undefined {
  return raw === undefined ? undefined : (raw.trim().toUpperCase() as T);
}

function list(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** The base URL of the service: `--server` may name it with or without the /graphql path. */
export function normaliseServer(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usage(`--server must be a URL such as ${DEFAULT_SERVER} (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usage(`--server must be an http:// or https:// URL (got "${raw}")`);
  return `${url.origin}${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}`;
}

function connection(values: { server?: string | undefined; 'api-key'?: string | undefined; quiet?: boolean | undefined }, env: Readonly<Record<string, string | undefined>>): Connection {
  return {
    server: normaliseServer(values.server ?? env['CLIMATE_RISK_SERVER'] ?? DEFAULT_SERVER),
    apiKey: values['api-key'] ?? (env['CLIMATE_RISK_API_KEY'] || undefined),
    quiet: values.quiet ?? false,
  };
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals: number) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw usage(`unexpected argument "${parsed.positionals[positionals]}"`);
    return parsed;
  } catch (error) {
    if (error instanceof CliError) throw error;
    // parseArgs explains unknown flags and missing values well; keep its words.
    throw usage(error instanceof Error ? error.message : String(error));
  }
}

export function parseCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { name: 'help' };

  if (name === 'report') {
    const { values } = parse(rest, REPORT, 0);
    if (values.help) return { name: 'help' };
    const language = upper<Language>(values.language);
    const input: CreateReportInput = {
      location: { latitude: required('lat', values.lat), longitude: required('lon', values.lon), address: values.address },
      building: {
        name: values.name,
        occupancy: upper<Occupancy>(values.occupancy),
        structure: upper<Structure>(values.structure),
        floorsAboveGround: number('floors', values.floors),
        basementFloors: number('basements', values.basements),
        yearBuilt: number('year-built', values['year-built']),
      },
      asset: { value: required('value', values.value), currency: upper(values.currency) },
      params: {
        scenarios: list(values.scenarios)?.map((s) => s.toUpperCase() as Scenario),
        horizons: list(values.horizons)?.map((h) => required('horizons', h)),
        simulationYears: number('years', values.years),
        timeoutSeconds: number('timeout', values.timeout),
        includeNarrative: values['no-narrative'] ? false : undefined,
      },
      language, // absent: the server's default (KO)
    };
    if (values.out !== undefined && !/\.(md|html?)$/i.test(values.out)) throw usage(`--out must end in .md or .html (got "${values.out}")`);
    return { name: 'report', input, out: values.out, ...connection(values, env) };
  }

  if (name === 'watch' || name === 'get') {
    const { values, positionals } = parse(rest, GET, 1);
    if (values.help) return { name: 'help' };
    const id = positionals[0];
    if (!id) throw usage(`${name} needs a report id: climate-risk ${name} <id>`);
    if (name === 'watch') {
      if (values.format !== undefined) throw usage('--format belongs to `get`');
      return { name, id, ...connection(values, env) };
    }
    const format = (values.format ?? 'json').toLowerCase();
    if (format !== 'json' && format !== 'md' && format !== 'html') throw usage(`--format must be json, md or html (got "${values.format}")`);
    return { name, id, format, ...connection(values, env) };
  }

  throw usage(`unknown command "${name}"`);
}
