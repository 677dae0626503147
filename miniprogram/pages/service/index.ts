// The service page: the sample deposit-free power bank rental, its fee rule and the start button.
import { callPayScore, isUncertain } from '../../services/api';
import { keepTicket } from '../../services/confirm-ticket';
import { handOrder } from '../../services/order-cache';
import type { OrderView, PlanView } from '../../services/contract';
import { formatYuan } from '../../utils/format';
import { orderUrl, ordersUrl } from '../../utils/routes';

interface PlanData {
  serviceIntroduction: string;
  feeRule: string;
  feePerHourText: string;
  depositText: string;
}

Page({
  data: {
    loading: true,
    error: '',
    plan: null as PlanData | null,
    starting: false,
    notice: '',
  },

  onLoad() {
    void this.loadPlan();
  },

  async onPullDownRefresh() {
    await this.loadPlan();
    wx.stopPullDownRefresh();
  },

  async loadPlan() {
    this.setData({ loading: true, error: '' });
    const reply = await callPayScore({ action: 'plan' });
    if (!reply.ok) {
      this.setData({ loading: false, error: reply.message });
      return;
    }
    this.setData({ loading: false, plan: planData(reply.plan) });
  },

  onRetryTap() {
    void this.loadPlan();
  },

  /** Creates the order; the jump itself waits for the user's tap on the order page. */
  async onStartTap() {
    if (this.data.starting) return;
    this.setData({ starting: true, notice: '' });
    wx.showLoading({ title: '正在创建订单', mask: true });
    const reply = await callPayScore({ action: 'start' });
    wx.hideLoading();
    this.setData({ starting: false });

    if (reply.ok) {
      keepTicket(reply);
      handOrder(reply.order);
      openOrder(reply.out_order_no);
    } else if (isUncertain(reply)) {
      this.setData({ notice: reply.message });
      await this.findStartedOrder();
    } else {
      this.setData({ notice: reply.message });
    }
  },

  /** After a start that timed out, the order may exist: look for it instead of starting again. */
  async findStartedOrder() {
    const reply = await callPayScore({ action: 'list' });
    const open = reply.ok ? newestOpenOrder(reply.orders) : null;
    if (open) {
      this.setData({ notice: '' });
      openOrder(open.out_order_no);
    } else {
      this.setData({ notice: reply.ok ? '订单未创建成功，请重试' : reply.message });
    }
  },

  onOrdersTap() {
    wx.navigateTo({ url: ordersUrl(), fail: logNavigationFailure });
  },
});

function planData(plan: PlanView): PlanData {
  return {
    serviceIntroduction: plan.serviceIntroduction,
    feeRule: plan.feeRule,
    feePerHourText: formatYuan(plan.feePerHour),
    depositText: formatYuan(plan.deposit),
  };
}

function newestOpenOrder(orders: OrderView[]): OrderView | null {
  const open = orders.filter((o) => o.status === 'WAITING_FOR_USER' || o.status === 'IN_SERVICE');
  open.sort((a, b) => b.createdAt - a.createdAt);
  return open[0] ?? null;
}

function openOrder(outOrderNo: string): void {
  wx.navigateTo({ url: orderUrl(outOrderNo), fail: logNavigationFailure });
}

function logNavigationFailure(error: { errMsg: string }): void {
  console.error('[payscore] navigation failed:', error.errMsg);
}
