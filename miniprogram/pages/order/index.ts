// The order page: follows one order's status on the server and offers confirm, finish, cancel.
import { callPayScore, isUncertain } from '../../services/api';
import type { Outcome } from '../../services/api';
import { hasTicket } from '../../services/confirm-ticket';
import type { OrderView } from '../../services/contract';
import { openPayScore } from '../../services/jump';
import type { JumpOutcome } from '../../services/jump';
import { takeHandedOrder } from '../../services/order-cache';
import { claimPendingJump } from '../../services/pending-jump';
import { ordersUrl } from '../../utils/routes';
import { ACTION_TEXT, decodeQueryValue, elapsedText, orderData, orderFlags } from './view-model';
import type { OrderData } from './view-model';

const NO_TIMER = -1;
/** While WeChat Pay collects, the order is re-read this often, at most POLLS times a visit. */
const POLL_MS = 5000;
const POLLS = 24;

Page({
  data: {
    outOrderNo: '',
    loading: true,
    error: '',
    notice: '',
    checking: false,
    busy: false,
    order: null as OrderData | null,
    elapsedText: '',
    canConfirm: false,
    staleWaiting: false,
    canCancel: false,
    canFinish: false,
    canRefresh: false,
  },

  current: null as OrderView | null,
  timer: NO_TIMER,
  polls: 0,

  onLoad(query: Record<string, string | undefined>) {
    const outOrderNo = decodeQueryValue(query.out_order_no);
    if (!outOrderNo) {
      this.setData({ loading: false, error: '缺少订单号，请从“我的订单”进入' });
      return;
    }
    this.setData({ outOrderNo });
    const handed = takeHandedOrder(outOrderNo);
    if (handed) this.showOrder(handed);
    else void this.refresh();
  },

  onShow() {
    this.startTicker();
  },

  onHide() {
    this.stopTicker();
  },

  onUnload() {
    this.stopTicker();
  },

  async onPullDownRefresh() {
    await this.refresh();
    wx.stopPullDownRefresh();
  },

  /** Re-reads the order from the server: the only source of its status. */
  async refresh() {
    if (!this.data.outOrderNo) return;
    const reply = await callPayScore({ action: 'query', out_order_no: this.data.outOrderNo });
    this.showOrderReply(reply);
  },

  /** Called by the return flow while it re-reads the order after Pay Score. */
  markChecking() {
    this.setData({ checking: true, notice: '' });
  },

  /** Shows a query reply; a failure keeps the last known status on screen. */
  showOrderReply(reply: Outcome<'query'>) {
    if (reply.ok) {
      this.showOrder(reply.order);
    } else if (this.current) {
      this.setData({ checking: false, notice: reply.message });
    } else {
      this.setData({ checking: false, loading: false, error: reply.message });
    }
  },

  showOrder(order: OrderView) {
    this.current = order;
    this.setData({
      loading: false,
      error: '',
      checking: false,
      order: orderData(order),
      ...orderFlags(order, hasTicket(order.out_order_no)),
    });
    this.startTicker();
  },

  onCheckAgainTap() {
    this.setData({ notice: '' });
    return this.refresh();
  },

  /** Opens Pay Score. The jump is made before the first await, so it stays part of the tap. */
  async onConfirmTap() {
    if (this.data.checking || !this.data.canConfirm) return;
    const jump = openPayScore(this.data.outOrderNo);
    this.setData({ checking: true, notice: '' });
    await this.afterJump(await jump);
  },

  /** The jump's own result is a hint: the order is re-read whatever it says. */
  async afterJump(outcome: JumpOutcome) {
    if (outcome.kind === 'unsupported' || outcome.kind === 'invalid') {
      const order = this.current;
      this.setData({ checking: false, notice: outcome.message });
      if (order) this.setData(orderFlags(order, hasTicket(order.out_order_no)));
      return;
    }
    if (outcome.kind === 'failed') this.setData({ notice: outcome.message });
    // Whoever claims the pending jump re-reads the order. If App.onShow claimed it first, the
    // return flow is already re-reading and will refresh this page.
    if (claimPendingJump()) await this.refresh();
  },

  onFinishTap() {
    return this.act('finish');
  },

  onCancelTap() {
    return this.act('cancel');
  },

  async act(action: 'finish' | 'cancel') {
    if (this.data.busy) return;
    const text = ACTION_TEXT[action];
    const answer = await wx.showModal({ title: text.title, content: text.content });
    if (!answer.confirm) return;

    this.setData({ busy: true, notice: '' });
    const reply = await callPayScore({ action, out_order_no: this.data.outOrderNo });
    this.setData({ busy: false });
    if (reply.ok) {
      this.showOrder(reply.order);
      wx.showToast({ title: text.done, icon: 'success' });
      return;
    }
    this.setData({ notice: reply.message });
    // A timeout may hide a success, and a state conflict means the order moved on: re-read.
    if (isUncertain(reply) || reply.code === 'INVALID_STATE') await this.refresh();
  },

  onOrdersTap() {
    wx.navigateTo({
      url: ordersUrl(),
      fail: (error) => console.error('[payscore] navigation failed:', error.errMsg),
    });
  },

  /** Ticks the time in service, or re-reads an order being collected until it is paid. */
  startTicker() {
    this.stopTicker();
    const order = this.current;
    if (order?.status === 'COLLECTING' && this.polls < POLLS) {
      this.timer = setTimeout(() => {
        this.polls += 1;
        void this.refresh();
      }, POLL_MS);
    }
    if (!order || order.status !== 'IN_SERVICE') {
      this.setData({ elapsedText: '' });
      return;
    }
    const tick = () => this.setData({ elapsedText: elapsedText(order, Date.now()) });
    tick();
    this.timer = setInterval(tick, 1000);
  },

  stopTicker() {
    if (this.timer !== NO_TIMER) {
      clearInterval(this.timer);
      clearTimeout(this.timer);
    }
    this.timer = NO_TIMER;
  },
});
