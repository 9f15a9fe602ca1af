# An uncaught exception after output: output is flushed, exit status 1, last stderr line names the exception
class ConfigError(Exception):
    def __str__(self): return 'bad config: ' + ', '.join(map(str, self.args))
def load():
    try:
        {}['missing']
    except KeyError as e:
        raise ConfigError('key', 'missing') from e
print('before')
print('partial line', end='')
load()
print('never')
