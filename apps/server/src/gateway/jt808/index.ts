export {
  decodeBody,
  decodeFrame,
  encodeBody,
  encodeFrame,
  encodeMessage,
  encodeMessageParts,
  isSupportedMessage,
  type DecodeOptions,
  type DecodeResult,
  type DecodeSuccess,
  type EncodeHeader,
} from './codec.js';
export {
  createErrorCounters,
  DECODE_ERROR_CODES,
  type DecodeError,
  type DecodeErrorCode,
  type DecodeErrorCounters,
  type DecodeFailure,
  type DecodeFlags,
} from './errors.js';
export {
  checkCode,
  escape,
  FrameSplitter,
  splitFrames,
  unescape,
  wrapFrame,
  type FrameSplitterOptions,
  type FrameSplitterStats,
} from './frame.js';
export { parseHeader, type HeaderFields, type Jt808Header, type Jt808Version, type SubpackageInfo } from './header.js';
export { inspectFrame, toWire } from './inspect.js';
export {
  ALARM_BITS,
  alarmFlags,
  alarmNames,
  hasAlarm,
  statusFlags,
  type AlarmFlags,
  type AlarmName,
  type LoadState,
  type StatusFlags,
} from './location-flags.js';
export * from './messages.js';
export { CONTROL_COMMAND, TEXT_FLAG } from './commands.js';
export { PARAM } from './params.js';
export { SubpackageAssembler, type AssembleResult, type DroppedMessage, type SubpackageLimits } from './subpackage.js';
