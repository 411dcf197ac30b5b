/**
 * The requests behind the language model tools as the client sends them. The data shapes are the
 * server's own (server/src/protocol/tool-types.ts, compiled through a project reference); only the
 * typed request objects are built here, from the client's copy of the protocol library.
 */
import { RequestType } from 'vscode-languageclient/node';
import {
  CHECK_DOCUMENT_METHOD,
  EXPLAIN_RULE_METHOD,
  FIX_DOCUMENT_METHOD,
  type CheckDocumentResult,
  type ExplainRuleParams,
  type ExplainRuleResult,
  type FixDocumentParams,
  type FixDocumentResult,
  type ToolDocumentParams,
} from '../../server/src/protocol/tool-types';

export type * from '../../server/src/protocol/tool-types';

export const CheckDocumentRequest = new RequestType<ToolDocumentParams, CheckDocumentResult, void>(CHECK_DOCUMENT_METHOD);
export const FixDocumentRequest = new RequestType<FixDocumentParams, FixDocumentResult, void>(FIX_DOCUMENT_METHOD);
export const ExplainRuleRequest = new RequestType<ExplainRuleParams, ExplainRuleResult, void>(EXPLAIN_RULE_METHOD);
