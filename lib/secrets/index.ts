export * from './secret-store';
export * from './names';
