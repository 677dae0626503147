/** The app instance as pages see it through `getApp<IAppOption>()`. */
interface IAppOption {
  globalData: {
    /** CloudBase environment the app initialised; '' means the DevTools default. */
    cloudEnv: string;
  };
}
