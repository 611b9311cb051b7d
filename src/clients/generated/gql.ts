/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CancelReport($id: ID!) {\n  cancelReport(id: $id) {\n    ...ReportSummary\n  }\n}": typeof types.CancelReportDocument,
    "mutation CreateReport($input: CreateReportInput!) {\n  createReport(input: $input) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n  }\n}": typeof types.CreateReportDocument,
    "fragment ReportSummary on Report {\n  id\n  status\n  version\n  createdAt\n  startedAt\n  finishedAt\n  deadline\n  queuePosition\n  progress {\n    stage\n    percent\n  }\n  error {\n    code\n    message\n  }\n}\n\nfragment ReportInputFull on ReportInput {\n  location {\n    latitude\n    longitude\n    address\n    elevationM\n    distanceToCoastKm\n    distanceToRiverKm\n  }\n  building {\n    name\n    occupancy\n    structure\n    yearBuilt\n    floorsAboveGround\n    basementFloors\n    firstFloorHeightM\n    grossFloorAreaM2\n  }\n  asset {\n    value\n    currency\n    contentsValue\n    annualRevenue\n  }\n  params {\n    scenarios\n    horizons\n    hazards\n    simulationYears\n    includeNarrative\n    timeoutSeconds\n  }\n  language\n}\n\nfragment LossFull on Loss {\n  fraction\n  amount\n}\n\nfragment RiskAnalysisFull on RiskAnalysis {\n  methodologyVersion\n  currency\n  assetValue\n  dataQuality {\n    regions\n    nearestKm\n    proxies\n  }\n  scenarios {\n    scenario\n    horizon\n    gwlC\n    localWarmingC\n    slrM\n    hazards {\n      hazard\n      kind\n      indicator {\n        id\n        value\n        unit\n        baseline\n      }\n      hazardScore\n      category\n      eal {\n        ...LossFull\n      }\n      loss100 {\n        ...LossFull\n      }\n      disruption {\n        fraction\n        amount\n      }\n    }\n    total {\n      ealFraction\n      ealAmount\n      loss100Fraction\n      loss100Amount\n      loss250Fraction\n      loss250Amount\n      overallScore\n      grade\n      simulation {\n        years\n        meanFraction\n        meanStdError\n        loss100StdError\n        loss250StdError\n      }\n    }\n  }\n  recommendations {\n    id\n    hazard\n    priority\n    title\n    description\n  }\n  narrative {\n    text\n    summary\n    keyRisks\n    actions\n    source\n    language\n    model\n  }\n}": typeof types.ReportSummaryFragmentDoc,
    "query Health {\n  health {\n    status\n    queueDepth\n    running\n    workers\n    uptimeSeconds\n  }\n}": typeof types.HealthDocument,
    "subscription ReportEvents($id: ID!, $since: Int) {\n  reportEvents(id: $id, since: $since) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n      result {\n        ...RiskAnalysisFull\n      }\n    }\n  }\n}": typeof types.ReportEventsDocument,
    "subscription ReportFeed($status: [ReportStatus!]) {\n  reportFeed(status: $status) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n    }\n  }\n}": typeof types.ReportFeedDocument,
    "query Report($id: ID!) {\n  report(id: $id) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n    result {\n      ...RiskAnalysisFull\n    }\n  }\n}": typeof types.ReportDocument,
    "query Reports($first: Int, $after: String, $status: [ReportStatus!]) {\n  reports(first: $first, after: $after, status: $status) {\n    edges {\n      cursor\n      node {\n        ...ReportSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}": typeof types.ReportsDocument,
};
const documents: Documents = {
    "mutation CancelReport($id: ID!) {\n  cancelReport(id: $id) {\n    ...ReportSummary\n  }\n}": types.CancelReportDocument,
    "mutation CreateReport($input: CreateReportInput!) {\n  createReport(input: $input) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n  }\n}": types.CreateReportDocument,
    "fragment ReportSummary on Report {\n  id\n  status\n  version\n  createdAt\n  startedAt\n  finishedAt\n  deadline\n  queuePosition\n  progress {\n    stage\n    percent\n  }\n  error {\n    code\n    message\n  }\n}\n\nfragment ReportInputFull on ReportInput {\n  location {\n    latitude\n    longitude\n    address\n    elevationM\n    distanceToCoastKm\n    distanceToRiverKm\n  }\n  building {\n    name\n    occupancy\n    structure\n    yearBuilt\n    floorsAboveGround\n    basementFloors\n    firstFloorHeightM\n    grossFloorAreaM2\n  }\n  asset {\n    value\n    currency\n    contentsValue\n    annualRevenue\n  }\n  params {\n    scenarios\n    horizons\n    hazards\n    simulationYears\n    includeNarrative\n    timeoutSeconds\n  }\n  language\n}\n\nfragment LossFull on Loss {\n  fraction\n  amount\n}\n\nfragment RiskAnalysisFull on RiskAnalysis {\n  methodologyVersion\n  currency\n  assetValue\n  dataQuality {\n    regions\n    nearestKm\n    proxies\n  }\n  scenarios {\n    scenario\n    horizon\n    gwlC\n    localWarmingC\n    slrM\n    hazards {\n      hazard\n      kind\n      indicator {\n        id\n        value\n        unit\n        baseline\n      }\n      hazardScore\n      category\n      eal {\n        ...LossFull\n      }\n      loss100 {\n        ...LossFull\n      }\n      disruption {\n        fraction\n        amount\n      }\n    }\n    total {\n      ealFraction\n      ealAmount\n      loss100Fraction\n      loss100Amount\n      loss250Fraction\n      loss250Amount\n      overallScore\n      grade\n      simulation {\n        years\n        meanFraction\n        meanStdError\n        loss100StdError\n        loss250StdError\n      }\n    }\n  }\n  recommendations {\n    id\n    hazard\n    priority\n    title\n    description\n  }\n  narrative {\n    text\n    summary\n    keyRisks\n    actions\n    source\n    language\n    model\n  }\n}": types.ReportSummaryFragmentDoc,
    "query Health {\n  health {\n    status\n    queueDepth\n    running\n    workers\n    uptimeSeconds\n  }\n}": types.HealthDocument,
    "subscription ReportEvents($id: ID!, $since: Int) {\n  reportEvents(id: $id, since: $since) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n      result {\n        ...RiskAnalysisFull\n      }\n    }\n  }\n}": types.ReportEventsDocument,
    "subscription ReportFeed($status: [ReportStatus!]) {\n  reportFeed(status: $status) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n    }\n  }\n}": types.ReportFeedDocument,
    "query Report($id: ID!) {\n  report(id: $id) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n    result {\n      ...RiskAnalysisFull\n    }\n  }\n}": types.ReportDocument,
    "query Reports($first: Int, $after: String, $status: [ReportStatus!]) {\n  reports(first: $first, after: $after, status: $status) {\n    edges {\n      cursor\n      node {\n        ...ReportSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}": types.ReportsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelReport($id: ID!) {\n  cancelReport(id: $id) {\n    ...ReportSummary\n  }\n}"): (typeof documents)["mutation CancelReport($id: ID!) {\n  cancelReport(id: $id) {\n    ...ReportSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateReport($input: CreateReportInput!) {\n  createReport(input: $input) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n  }\n}"): (typeof documents)["mutation CreateReport($input: CreateReportInput!) {\n  createReport(input: $input) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ReportSummary on Report {\n  id\n  status\n  version\n  createdAt\n  startedAt\n  finishedAt\n  deadline\n  queuePosition\n  progress {\n    stage\n    percent\n  }\n  error {\n    code\n    message\n  }\n}\n\nfragment ReportInputFull on ReportInput {\n  location {\n    latitude\n    longitude\n    address\n    elevationM\n    distanceToCoastKm\n    distanceToRiverKm\n  }\n  building {\n    name\n    occupancy\n    structure\n    yearBuilt\n    floorsAboveGround\n    basementFloors\n    firstFloorHeightM\n    grossFloorAreaM2\n  }\n  asset {\n    value\n    currency\n    contentsValue\n    annualRevenue\n  }\n  params {\n    scenarios\n    horizons\n    hazards\n    simulationYears\n    includeNarrative\n    timeoutSeconds\n  }\n  language\n}\n\nfragment LossFull on Loss {\n  fraction\n  amount\n}\n\nfragment RiskAnalysisFull on RiskAnalysis {\n  methodologyVersion\n  currency\n  assetValue\n  dataQuality {\n    regions\n    nearestKm\n    proxies\n  }\n  scenarios {\n    scenario\n    horizon\n    gwlC\n    localWarmingC\n    slrM\n    hazards {\n      hazard\n      kind\n      indicator {\n        id\n        value\n        unit\n        baseline\n      }\n      hazardScore\n      category\n      eal {\n        ...LossFull\n      }\n      loss100 {\n        ...LossFull\n      }\n      disruption {\n        fraction\n        amount\n      }\n    }\n    total {\n      ealFraction\n      ealAmount\n      loss100Fraction\n      loss100Amount\n      loss250Fraction\n      loss250Amount\n      overallScore\n      grade\n      simulation {\n        years\n        meanFraction\n        meanStdError\n        loss100StdError\n        loss250StdError\n      }\n    }\n  }\n  recommendations {\n    id\n    hazard\n    priority\n    title\n    description\n  }\n  narrative {\n    text\n    summary\n    keyRisks\n    actions\n    source\n    language\n    model\n  }\n}"): (typeof documents)["fragment ReportSummary on Report {\n  id\n  status\n  version\n  createdAt\n  startedAt\n  finishedAt\n  deadline\n  queuePosition\n  progress {\n    stage\n    percent\n  }\n  error {\n    code\n    message\n  }\n}\n\nfragment ReportInputFull on ReportInput {\n  location {\n    latitude\n    longitude\n    address\n    elevationM\n    distanceToCoastKm\n    distanceToRiverKm\n  }\n  building {\n    name\n    occupancy\n    structure\n    yearBuilt\n    floorsAboveGround\n    basementFloors\n    firstFloorHeightM\n    grossFloorAreaM2\n  }\n  asset {\n    value\n    currency\n    contentsValue\n    annualRevenue\n  }\n  params {\n    scenarios\n    horizons\n    hazards\n    simulationYears\n    includeNarrative\n    timeoutSeconds\n  }\n  language\n}\n\nfragment LossFull on Loss {\n  fraction\n  amount\n}\n\nfragment RiskAnalysisFull on RiskAnalysis {\n  methodologyVersion\n  currency\n  assetValue\n  dataQuality {\n    regions\n    nearestKm\n    proxies\n  }\n  scenarios {\n    scenario\n    horizon\n    gwlC\n    localWarmingC\n    slrM\n    hazards {\n      hazard\n      kind\n      indicator {\n        id\n        value\n        unit\n        baseline\n      }\n      hazardScore\n      category\n      eal {\n        ...LossFull\n      }\n      loss100 {\n        ...LossFull\n      }\n      disruption {\n        fraction\n        amount\n      }\n    }\n    total {\n      ealFraction\n      ealAmount\n      loss100Fraction\n      loss100Amount\n      loss250Fraction\n      loss250Amount\n      overallScore\n      grade\n      simulation {\n        years\n        meanFraction\n        meanStdError\n        loss100StdError\n        loss250StdError\n      }\n    }\n  }\n  recommendations {\n    id\n    hazard\n    priority\n    title\n    description\n  }\n  narrative {\n    text\n    summary\n    keyRisks\n    actions\n    source\n    language\n    model\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Health {\n  health {\n    status\n    queueDepth\n    running\n    workers\n    uptimeSeconds\n  }\n}"): (typeof documents)["query Health {\n  health {\n    status\n    queueDepth\n    running\n    workers\n    uptimeSeconds\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ReportEvents($id: ID!, $since: Int) {\n  reportEvents(id: $id, since: $since) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n      result {\n        ...RiskAnalysisFull\n      }\n    }\n  }\n}"): (typeof documents)["subscription ReportEvents($id: ID!, $since: Int) {\n  reportEvents(id: $id, since: $since) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n      result {\n        ...RiskAnalysisFull\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ReportFeed($status: [ReportStatus!]) {\n  reportFeed(status: $status) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n    }\n  }\n}"): (typeof documents)["subscription ReportFeed($status: [ReportStatus!]) {\n  reportFeed(status: $status) {\n    type\n    version\n    at\n    report {\n      ...ReportSummary\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Report($id: ID!) {\n  report(id: $id) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n    result {\n      ...RiskAnalysisFull\n    }\n  }\n}"): (typeof documents)["query Report($id: ID!) {\n  report(id: $id) {\n    ...ReportSummary\n    input {\n      ...ReportInputFull\n    }\n    result {\n      ...RiskAnalysisFull\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Reports($first: Int, $after: String, $status: [ReportStatus!]) {\n  reports(first: $first, after: $after, status: $status) {\n    edges {\n      cursor\n      node {\n        ...ReportSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Reports($first: Int, $after: String, $status: [ReportStatus!]) {\n  reports(first: $first, after: $after, status: $status) {\n    edges {\n      cursor\n      node {\n        ...ReportSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;