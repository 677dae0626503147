// The "我的订单" page: the user's orders, newest first; a tap opens one.
import { callPayScore } from '../../services/api';
import type { OrderView } from '../../services/contract';
import { formatDateTime, formatYuan } from '../../utils/format';
import { orderUrl } from '../../utils/routes';
import { statusText } from '../../utils/status-text';

interface OrderItem {
  outOrderNo: string;
  serviceIntroduction: string;
  statusTitle: string;
  tone: string;
  createdText: string;
  amountText: string;
}

Page({
  data: {
    loading: true,
    error: '',
    orders: [] as OrderItem[],
  },

  // Reload on every show: coming back from an order page, its status may have changed.
  onShow() {
    void this.load();
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  async load() {
    this.setData({ loading: this.data.orders.length === 0, error: '' });
    const reply = await callPayScore({ action: 'list' });
    if (!reply.ok) {
      this.setData({ loading: false, error: reply.message });
      return;
    }
    this.setData({ loading: false, orders: newestFirst(reply.orders).map(orderItem) });
  },

  onRetryTap() {
    void this.load();
  },

  onOrderTap(event: WechatMiniprogram.TouchEvent<object, object, { outOrderNo?: string }>) {
    const outOrderNo = event.currentTarget.dataset.outOrderNo;
    if (!outOrderNo) return;
    wx.navigateTo({
      url: orderUrl(outOrderNo),
      fail: (error) => console.error('[payscore] navigation failed:', error.errMsg),
    });
  },
});

function newestFirst(orders: OrderView[]): OrderView[] {
  return [...orders].sort((a, b) => b.createdAt - a.createdAt);
}

function orderItem(order: OrderView): OrderItem {
  const text = statusText(order.status);
  return {
    outOrderNo: order.out_order_no,
    serviceIntroduction: order.serviceIntroduction,
    statusTitle: text.title,
    tone: text.tone,
    createdText: formatDateTime(order.createdAt),
    amountText: order.totalAmount === undefined ? '' : formatYuan(order.totalAmount),
  };
}
