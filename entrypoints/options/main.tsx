import { render } from 'preact';

render(<main><h1>Newsbar settings</h1></main>, document.getElementById('app')!);
