export * from './tailnet-policy';
export * from './syntax';
export { writeJsonBesideStack } from './stack-file';
