export * from './mail-capture';
