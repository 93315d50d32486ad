// Settings keys are camelCase (learningRate), attributes kebab-case (learning-rate). Its own
// module so that the element does not pull the share dialog's snippet text into the first load.
export const toKebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const toCamel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
