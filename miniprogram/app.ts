// The app: connects to CloudBase and catches the user's return from the Pay Score mini program.
import { CLOUD_ENV_ID } from './config';
import { handleAppShow } from './services/return-flow';

App<IAppOption>({
  globalData: { cloudEnv: CLOUD_ENV_ID },

  onLaunch(options) {
    wx.cloud.init(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID, traceUser: true } : { traceUser: true });
    // WeChat may have killed the app while the user was in Pay Score: the return then arrives
    // as a cold start. onShow follows with the same options; the pending marker makes the
    // second call a no-op.
    void handleAppShow(options ?? wx.getEnterOptionsSync());
  },

  onShow(options) {
    void handleAppShow(options);
  },
});
