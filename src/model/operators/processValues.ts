import { processorDescriptor } from './processor-common';

/** KStream#processValues(FixedKeyProcessorSupplier, Named, ...stateStoreNames): forwarded records keep the key. */
export const processValues = processorDescriptor('processValues');
