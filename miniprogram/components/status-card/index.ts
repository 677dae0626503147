// The status card: an order's status in words, with the elapsed time or the amount when known.
import { statusText } from '../../utils/status-text';

Component({
  properties: {
    status: { type: String, value: '' },
    elapsedText: { type: String, value: '' },
    amountText: { type: String, value: '' },
  },

  data: {
    title: '',
    hint: '',
    tone: 'pending',
    metricLabel: '',
    metricValue: '',
  },

  observers: {
    'status, elapsedText, amountText'() {
      this.render();
    },
  },

  lifetimes: {
    attached() {
      this.render();
    },
  },

  methods: {
    render() {
      const { status, elapsedText, amountText } = this.properties;
      const text = statusText(status);
      const metric = metricOf(status, elapsedText, amountText);
      this.setData({ title: text.title, hint: text.hint, tone: text.tone, ...metric });
    },
  },
});

/** The one figure worth showing under the title for a status, if it is known yet. */
function metricOf(
  status: string,
  elapsedText: string,
  amountText: string,
): { metricLabel: string; metricValue: string } {
  if (status === 'IN_SERVICE' && elapsedText) {
    return { metricLabel: '已使用', metricValue: elapsedText };
  }
  if (status === 'COLLECTING' && amountText) {
    return { metricLabel: '待扣金额', metricValue: amountText };
  }
  if (status === 'PAID' && amountText) return { metricLabel: '实付金额', metricValue: amountText };
  return { metricLabel: '', metricValue: '' };
}
