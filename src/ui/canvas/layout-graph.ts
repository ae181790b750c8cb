/** The layout graph lives in the model (the CLI's describe() import lays designs out with it too). */
export * from '../../model/layout-graph';
