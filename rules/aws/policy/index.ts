/** Reading IAM policies as Terraform receives them, and asking their statements yes / no / unknown questions. */
export * from './document';
export * from './predicates';
export * from './report';
export * from './template';
