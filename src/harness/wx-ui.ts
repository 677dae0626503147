/**
 * The interface APIs: toasts, modals, loading, navigation bar title, pull-down refresh. Each
 * call is recorded for the tests; modals answer with `ui.modalConfirm`.
 */
import { asyncApi } from './async-api';
import type { Callbacks } from './async-api';
import type { Tracker } from './tracker';
import type { ModalRecord, ToastRecord } from './types';

export interface UiState {
  toasts: ToastRecord[];
  modals: ModalRecord[];
  /** Titles passed to showLoading, in order. */
  loadings: string[];
  titles: string[];
  /** The loading title on screen, or null. */
  loading: string | null;
  /** How the user answers modals: true taps the confirm button. */
  modalConfirm: boolean;
  pullDownStops: number;
}

/** A fresh, empty UI record. */
export function createUiState(): UiState {
  return {
    toasts: [],
    modals: [],
    loadings: [],
    titles: [],
    loading: null,
    modalConfirm: true,
    pullDownStops: 0,
  };
}

/** The interface APIs over this state. */
export function createUiApis(tracker: Tracker, ui: UiState) {
  const done = (api: string, option: Callbacks | undefined) =>
    asyncApi(tracker, api, option, () => ({}));
  return {
    showToast(option: Callbacks & { title: string; icon?: string }) {
      ui.toasts.push({ title: option.title, icon: option.icon });
      return done('showToast', option);
    },
    hideToast(option?: Callbacks) {
      return done('hideToast', option);
    },
    showModal(option: Callbacks & { title?: string; content?: string }) {
      const confirm = ui.modalConfirm;
      ui.modals.push({ title: option.title, content: option.content, confirm });
      return asyncApi(tracker, 'showModal', option, () => ({ confirm, cancel: !confirm }));
    },
    showLoading(option: Callbacks & { title: string }) {
      ui.loading = option.title;
      ui.loadings.push(option.title);
      return done('showLoading', option);
    },
    hideLoading(option?: Callbacks) {
      ui.loading = null;
      return done('hideLoading', option);
    },
    setNavigationBarTitle(option: Callbacks & { title: string }) {
      ui.titles.push(option.title);
      return done('setNavigationBarTitle', option);
    },
    stopPullDownRefresh(option?: Callbacks) {
      ui.pullDownStops += 1;
      return done('stopPullDownRefresh', option);
    },
  };
}
