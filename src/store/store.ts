/** The one zustand store, combined from slices (the zustand docs' slices pattern). */
import { create } from 'zustand';
import { createDesignsSlice, type DesignsSlice } from './designs-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createFaultsSlice, type FaultsSlice } from './faults-slice';
import { createPreviewSlice, type PreviewSlice } from './preview-slice';
import { createSamplesDraftSlice, type SamplesDraftSlice } from './samples-draft-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createTestsSlice, type TestsSlice } from './tests-slice';
import { createTimelineSlice, type TimelineSlice } from './timeline-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';

export type AppState = DocumentSlice & SelectionSlice & PreviewSlice & UiSlice & SamplesDraftSlice & DesignsSlice & TestsSlice & TimelineSlice & FaultsSlice & CompareSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createDocumentSlice(...(a as Parameters<typeof createDocumentSlice>)),
    ...createSelectionSlice(...(a as Parameters<typeof createSelectionSlice>)),
    ...createPreviewSlice(...(a as Parameters<typeof createPreviewSlice>)),
    ...createUiSlice(...(a as Parameters<typeof createUiSlice>)),
    ...createSamplesDraftSlice(...(a as Parameters<typeof createSamplesDraftSlice>)),
    ...createDesignsSlice(...(a as Parameters<typeof createDesignsSlice>)),
    ...createTestsSlice(...(a as Parameters<typeof createTestsSlice>)),
    ...createTimelineSlice(...(a as Parameters<typeof createTimelineSlice>)),
    ...createFaultsSlice(...(a as Parameters<typeof createFaultsSlice>)),
    ...createCompareSlice(...(a as Parameters<typeof createCompareSlice>)),
  }));

export const useApp = createAppStore();
