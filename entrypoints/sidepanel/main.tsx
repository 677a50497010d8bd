import { render } from 'preact';

render(<main><h1>Newsbar</h1></main>, document.getElementById('app')!);
