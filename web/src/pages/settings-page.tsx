export function SettingsPage(props: { tab: string }) {
  return <div className="page"><h1>Settings</h1><p>{props.tab}</p></div>;
}
