import { processorDescriptor } from './processor-common';

/** KStream#process(ProcessorSupplier, Named, ...stateStoreNames): the Processor API inside the DSL. */
export const process = processorDescriptor('process');
