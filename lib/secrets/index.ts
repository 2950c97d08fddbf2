export * from './secret-store';
export * from './names';
export { parseIamRole, tailnetIdentityProblem, type IamRoleRef } from './principals';
export * from './node-join-key';
