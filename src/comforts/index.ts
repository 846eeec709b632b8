// Player comforts: map, transcript, settings, and the scanner for leaked machinery in output.
export { drawMap, type MapOptions } from './map.js';
export { Transcript, nodeTranscriptFs, transcriptsDir, plainText, type TranscriptFs, type Note } from './transcript.js';
export { settingsCommand, configCommand, runSettings, SETTING_NAMES, type SettingsLike, type SettingKey } from './settings-command.js';
export { makeOnMeta, attachComforts, setVerbosity, applyToRender, type ComfortsOptions, type HostLike, type RenderLike } from './meta.js';
export { findBadOutput, type ScanOptions } from './scan.js';
export { sayFrom, type Say } from './say.js';
