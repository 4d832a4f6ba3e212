// martflow's version, written into artifacts' metadata.
export const VERSION = '0.1.0';
